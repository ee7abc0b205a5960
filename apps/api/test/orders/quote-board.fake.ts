import { BrokerError, quoteNameOf, type MarketDataPort, type MarketQuote, type QuoteTarget } from '@mcube/domain';

const notScripted = (what: string) => async (): Promise<never> => {
  throw new BrokerError('REJECTED', `${what} is not scripted in the quote board`);
};

/**
 * The smallest market-data port the paper broker needs in gateway tests: quotes the test
 * set, by symbol (a contract asked by its `InstrumentId` is looked up by its key); an unknown symbol and every other method reject (REJECTED).
 */
export class QuoteBoard implements MarketDataPort {
  private readonly quotes = new Map<string, MarketQuote>();

  /** Sets the quote of `symbol`. */
  set(symbol: string, quote: Omit<MarketQuote, 'symbol' | 'asOfMs'> & { asOfMs?: number }): this {
    this.quotes.set(symbol, { asOfMs: 0, ...quote, symbol });
    return this;
  }

  async quote(target: QuoteTarget): Promise<MarketQuote> {
    const symbol = quoteNameOf(target);
    const q = this.quotes.get(symbol);
    if (!q) throw new BrokerError('REJECTED', `no quote for ${symbol}`);
    return q;
  }

  futuresQuote = notScripted('futuresQuote');
  optionChain: MarketDataPort['optionChain'] = notScripted('optionChain');
  historyBars = notScripted('historyBars');
  vix = notScripted('vix');
  globalCues = notScripted('globalCues');
  sectorPerformance = notScripted('sectorPerformance');
  liquidFnoStocks = notScripted('liquidFnoStocks');
  economicEvents = notScripted('economicEvents');
  instruments = notScripted('instruments');
}
