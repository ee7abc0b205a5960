import { Inject, Injectable } from '@nestjs/common';
import type { IntentInstrument, MarketDataPort, MarketQuote } from '@mcube/domain';
import { MARKET_DATA } from '../source/market-data.tokens';

/**
 * A LIVE account's quote of a contract from its broker's feed, or undefined when the account
 * reads the configured source (set by the orders module's `LiveMarketData`: the data module
 * cannot see the brokers).
 */
export type AccountContractQuoter = (accountId: number, instrument: IntentInstrument) => Promise<MarketQuote> | undefined;

/**
 * Quotes by contract (`InstrumentId`) from the configured market: the port takes the id and the
 * source maps it to its own symbol at its edge, so trading code never builds or imports a
 * source's symbol format (issue 13). Given the
 * account, a LIVE account's contract is quoted by its broker instead (`useAccountQuoter`).
 */
@Injectable()
export class ContractQuotes {
  private accountQuoter?: AccountContractQuoter;

  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
  ) {}

  /** Routes the contract quotes of LIVE accounts to their brokers (called once by `LiveMarketData`). */
  useAccountQuoter(quoter: AccountContractQuoter): void {
    this.accountQuoter = quoter;
  }

  /**
   * The latest quote of a contract, for `accountId` when given (its broker's, while it trades
   * LIVE); rejects as the port does (an unknown contract, a closed feed).
   */
  ofContract(instrument: IntentInstrument, accountId?: number): Promise<MarketQuote> {
    const live = accountId === undefined ? undefined : this.accountQuoter?.(accountId, instrument);
    return live ?? this.market.quote(instrument);
  }

  /** The latest quote of an index or stock by its name ('NIFTY 50', 'INDIA VIX'). */
  ofSymbol(symbol: string): Promise<MarketQuote> {
    return this.market.quote(symbol);
  }
}
