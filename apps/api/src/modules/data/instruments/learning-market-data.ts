import type { MarketDataPort } from '@mcube/domain';
import { CONTRACT_TERMS, type ContractTermsBook } from './contract-terms.book';

/** `market` whose `instruments(date)` also teaches `book` the contracts' lot sizes (see `ContractTermsBook`); everything else passes through. */
export function learningMarketData(market: MarketDataPort, book: ContractTermsBook = CONTRACT_TERMS): MarketDataPort {
  return new Proxy(market, {
    get(target, prop, receiver) {
      if (prop === 'instruments') {
        return async (date: Parameters<MarketDataPort['instruments']>[0]) => {
          const rows = await target.instruments(date);
          book.learn(rows);
          return rows;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
