import { BrokerError } from '@mcube/domain';
import { AppException } from '../../../common/errors/app-exception';

/**
 * Runs a market-data call and turns the source's refusals into API errors: REJECTED (unknown
 * symbol, unlisted contract, no such history) is a 404 with the source's message; any other
 * BrokerError a 503. DomainErrors and the rest pass through to the global filter.
 */
export async function fromMarket<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof BrokerError) {
      if (error.kind === 'REJECTED') throw new AppException('NOT_FOUND', error.message.slice(0, 200));
      throw new AppException('SERVICE_UNAVAILABLE', 'The market data source is unavailable; try again shortly');
    }
    throw error;
  }
}
