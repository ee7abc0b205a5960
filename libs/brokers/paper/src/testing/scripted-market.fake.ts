import {
  BrokerError,
  type EconomicEvent,
  type FnoStockSnapshot,
  type FuturesQuote,
  type GlobalCues,
  type InstrumentMasterRecord,
  type MarketDataPort,
  quoteNameOf,
  type QuoteTarget,
  type MarketQuote,
  type OptionChainSnapshot,
  type PriceBar,
  type SectorMove,
} from '@mcube/domain';

/**
 * A market-data port for tests: quotes are whatever the test last set; an unknown symbol, a
 * symbol set to fail, and every other method reject with a BrokerError (a strict double:
 * calling what the test did not prepare fails loudly).
 */
export class ScriptedMarket implements MarketDataPort {
  private readonly quotes = new Map<string, MarketQuote>();
  private readonly failing = new Set<string>();
  /** Symbols asked for, in order. */
  readonly asked: string[] = [];

  /** Sets the quote of `symbol` (asOfMs 0 unless given). */
  set(symbol: string, quote: Omit<MarketQuote, 'symbol' | 'asOfMs'> & { asOfMs?: number }): this {
    this.quotes.set(symbol, { asOfMs: 0, ...quote, symbol });
    this.failing.delete(symbol);
    return this;
  }

  /** Makes `quote(symbol)` reject with TEMPORARY. */
  fail(symbol: string): this {
    this.failing.add(symbol);
    return this;
  }

  async quote(target: QuoteTarget): Promise<MarketQuote> {
    const symbol = quoteNameOf(target);
    this.asked.push(symbol);
    if (this.failing.has(symbol)) throw new BrokerError('TEMPORARY', `scripted failure for ${symbol}`);
    const q = this.quotes.get(symbol);
    if (!q) throw new BrokerError('REJECTED', `no scripted quote for ${symbol}`);
    return q;
  }

  async futuresQuote(): Promise<FuturesQuote> {
    throw new BrokerError('REJECTED', 'futuresQuote is not scripted');
  }

  async optionChain(): Promise<OptionChainSnapshot> {
    throw new BrokerError('REJECTED', 'optionChain is not scripted');
  }

  async historyBars(): Promise<readonly PriceBar[]> {
    throw new BrokerError('REJECTED', 'historyBars is not scripted');
  }

  async vix(): Promise<{ readonly value: number; readonly asOfMs: number }> {
    throw new BrokerError('REJECTED', 'vix is not scripted');
  }

  async globalCues(): Promise<GlobalCues> {
    throw new BrokerError('REJECTED', 'globalCues is not scripted');
  }

  async sectorPerformance(): Promise<readonly SectorMove[]> {
    throw new BrokerError('REJECTED', 'sectorPerformance is not scripted');
  }

  async liquidFnoStocks(): Promise<readonly FnoStockSnapshot[]> {
    throw new BrokerError('REJECTED', 'liquidFnoStocks is not scripted');
  }

  async economicEvents(): Promise<readonly EconomicEvent[]> {
    throw new BrokerError('REJECTED', 'economicEvents is not scripted');
  }

  async instruments(): Promise<readonly InstrumentMasterRecord[]> {
    throw new BrokerError('REJECTED', 'instruments is not scripted');
  }
}
