import { Inject, Injectable } from '@nestjs/common';
import type { IntentInstrument, MarketDataPort, MarketQuote } from '@mcube/domain';
import { MARKET_CONTRACT_SYMBOL, MARKET_DATA, type ContractSymbolOf } from '../source/market-data.tokens';

/**
 * Quotes by contract (`IntentInstrument`) from the configured market: the source's own symbol
 * is made at the adapter edge (`MARKET_CONTRACT_SYMBOL`, from the market-source factory), so
 * trading code never builds or imports the simulator's symbol format (issue 13).
 */
@Injectable()
export class ContractQuotes {
  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    @Inject(MARKET_CONTRACT_SYMBOL) private readonly symbolOf: ContractSymbolOf,
  ) {}

  /** The latest quote of a contract; rejects as the port does (an unknown contract, a closed feed). */
  ofContract(instrument: IntentInstrument): Promise<MarketQuote> {
    return this.market.quote(this.symbolOf(instrument));
  }

  /** The latest quote of an index or stock by its name ('NIFTY 50', 'INDIA VIX'). */
  ofSymbol(symbol: string): Promise<MarketQuote> {
    return this.market.quote(symbol);
  }
}
