import {
  quoteNameOf,
  type QuoteTarget,
  type BarInterval,
  type Clock,
  type EconomicEvent,
  type FnoStockSnapshot,
  type FuturesQuote,
  type GlobalCues,
  type InstrumentMasterRecord,
  type IsoDate,
  type MarketDataPort,
  type MarketQuote,
  type OptionChainSnapshot,
  type PriceBar,
  type SectorMove,
} from '@mcube/domain';
import type { NeoApiContext } from './api/neo-api-context';
import type { NeoQuoteRef } from './api/neo-market.api';
import type { KotakNeoSessionKeeper } from './auth/kotak-neo-session.keeper';
import { KotakNeoError } from './errors/kotak-neo.error';
import { masterRecordOf, type KotakInstrumentLookup } from './instruments/kotak-instrument.lookup';
import type { KotakMasterHolder } from './instruments/kotak-master.holder';
import { kotakIndexName } from './market/index-names';
import { marketQuoteOf, optionSideOf } from './market/neo-quote-mapping';
import { keyOf, QuotePoller, type QuotePollerOptions } from './market/quote-poller';
import type { NeoQuote } from './parse/neo.types';

/** What the live market-data adapter is built from. */
export interface KotakNeoMarketDataDeps {
  readonly api: NeoApiContext;
  /** Quotes go to today's session host when there is one, else to the login host (no login is started for data). */
  readonly sessions: KotakNeoSessionKeeper;
  readonly masters: KotakMasterHolder;
  /** The instrument mapping seam; default `masters.lookup()`. */
  readonly instruments?: () => KotakInstrumentLookup;
  readonly wallClock: Clock;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Serves what Kotak does not offer (history, global cues, sectors, liquid stocks, events); without it those reject REJECTED/NOT_OFFERED. */
  readonly fallback?: MarketDataPort;
  readonly polling?: QuotePollerOptions;
  /** Chain strikes within this percent of spot (default 10): the strategy's strikes, not all ~200. */
  readonly chainStrikeRangePct?: number;
}

const notOffered = (what: string): KotakNeoError =>
  new KotakNeoError('REJECTED', `Kotak Neo offers no ${what}; configure a fallback source`, { reason: 'NOT_OFFERED' });

/**
 * `MarketDataPort` for live mode from Kotak's quotes endpoint (REST polling within limits,
 * see `QuotePoller`): NIFTY spot and India VIX by index name, futures and option strikes by
 * token from the instrument master, with LTP, previous close, OI, volume and the best bid/ask
 * of the depth. No WebSocket feed. Contracts (`instruments`) come from the loaded master.
 */
export class KotakNeoMarketData implements MarketDataPort {
  private readonly poller: QuotePoller;

  constructor(private readonly deps: KotakNeoMarketDataDeps) {
    const host = (): string => {
      const s = deps.sessions.current();
      return s ? s.baseUrl : deps.api.config.loginUrl;
    };
    const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.poller = new QuotePoller({ api: deps.api, host, wallClock: deps.wallClock, sleep }, deps.polling);
  }

  /**
   * An index ('NIFTY 50', 'INDIA VIX'), a contract by its `InstrumentId` (mapped to its Kotak
   * token through the master; the quote is labelled with Kotak's trading symbol), or a contract
   * by Kotak trading symbol or mCube key.
   */
  async quote(target: QuoteTarget): Promise<MarketQuote> {
    if (typeof target !== 'string') {
      const contract = this.lookup().contractFor(target);
      if (!contract) throw new KotakNeoError('REJECTED', `${quoteNameOf(target)} is not in the Kotak master`, { reason: 'NOT_IN_MASTER' });
      const ref = { exchangeSegment: contract.exchangeSegment, token: contract.token };
      return marketQuoteOf(contract.tradingSymbol, await this.one(ref, contract.tradingSymbol), this.deps.wallClock.nowMs());
    }
    const symbol = target;
    const ref = this.refOf(symbol);
    return marketQuoteOf(symbol, await this.one(ref, symbol), this.deps.wallClock.nowMs());
  }

  async futuresQuote(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesQuote> {
    const future = this.lookup().contractFor({ underlying: request.underlying, kind: 'FUT', expiry: request.expiry });
    if (!future) throw new KotakNeoError('REJECTED', `no ${request.underlying} future expiring ${request.expiry} in the Kotak master`, { reason: 'NOT_IN_MASTER' });
    const futRef = { exchangeSegment: future.exchangeSegment, token: future.token };
    const spotRef = this.indexRef(request.underlying);
    const quotes = await this.poller.quotes([futRef, spotRef]);
    const fut = this.pick(quotes, futRef, future.tradingSymbol);
    const spot = this.pick(quotes, spotRef, request.underlying);
    const base = marketQuoteOf(future.tradingSymbol, fut, this.deps.wallClock.nowMs());
    return { ...base, underlying: request.underlying, expiry: request.expiry, basis: (fut.lastPricePaise - spot.lastPricePaise) / 100, source: 'REAL' };
  }

  async optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot> {
    const options = this.lookup().contractsOf(request.underlying, request.expiry).filter((c) => c.kind === 'OPT');
    if (options.length === 0) throw new KotakNeoError('REJECTED', `no ${request.underlying} options expiring ${request.expiry} in the Kotak master`, { reason: 'NOT_IN_MASTER' });
    const spotRef = this.indexRef(request.underlying);
    const spot = this.pick(await this.poller.quotes([spotRef]), spotRef, request.underlying).lastPricePaise / 100;
    const range = (spot * (this.deps.chainStrikeRangePct ?? 10)) / 100;
    const wanted = options.filter((c) => Math.abs((c.strike ?? 0) - spot) <= range);
    const quotes = await this.poller.quotes(wanted.map((c) => ({ exchangeSegment: c.exchangeSegment, token: c.token })));
    const rows = new Map<number, { strike: number; call?: ReturnType<typeof optionSideOf>; put?: ReturnType<typeof optionSideOf> }>();
    for (const c of wanted) {
      const q = quotes.get(keyOf({ exchangeSegment: c.exchangeSegment, token: c.token }));
      if (!q || c.strike === undefined) continue;
      const row = rows.get(c.strike) ?? { strike: c.strike };
      if (c.optionType === 'CE') row.call = optionSideOf(q);
      else row.put = optionSideOf(q);
      rows.set(c.strike, row);
    }
    const strikes = [...rows.values()].sort((a, b) => a.strike - b.strike);
    return { underlying: request.underlying, expiry: request.expiry, spot, asOfMs: this.deps.wallClock.nowMs(), strikes };
  }

  async vix(): Promise<{ readonly value: number; readonly asOfMs: number }> {
    const q = await this.quote('INDIA VIX');
    return { value: q.lastPrice, asOfMs: q.asOfMs };
  }

  /** The loaded master's contracts, only when it is the master of `date`. */
  async instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]> {
    const master = this.deps.masters.master();
    if (!master || master.date !== date) {
      throw new KotakNeoError('REJECTED', `the Kotak instrument master of ${date} is not loaded (loaded: ${master?.date ?? 'none'})`, { reason: 'NOT_IN_MASTER' });
    }
    return master.contracts.map(masterRecordOf);
  }

  historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    return this.delegate('historical candles', (f) => f.historyBars(request));
  }

  globalCues(): Promise<GlobalCues> {
    return this.delegate('global cues', (f) => f.globalCues());
  }

  sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]> {
    return this.delegate('sector performance', (f) => f.sectorPerformance(date));
  }

  liquidFnoStocks(request: { readonly date: IsoDate; readonly limit?: number }): Promise<readonly FnoStockSnapshot[]> {
    return this.delegate('liquid F&O stock lists', (f) => f.liquidFnoStocks(request));
  }

  economicEvents(request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]> {
    return this.delegate('economic events', (f) => f.economicEvents(request));
  }

  private async delegate<T>(what: string, call: (fallback: MarketDataPort) => Promise<T>): Promise<T> {
    if (!this.deps.fallback) throw notOffered(what);
    return call(this.deps.fallback);
  }

  private lookup(): KotakInstrumentLookup {
    return this.deps.instruments ? this.deps.instruments() : this.deps.masters.lookup();
  }

  private indexRef(underlyingOrIndex: string): NeoQuoteRef {
    const name = kotakIndexName(underlyingOrIndex);
    if (!name) throw new KotakNeoError('REJECTED', `no Kotak index known for ${underlyingOrIndex}`, { reason: 'INVALID_INSTRUMENT' });
    return { exchangeSegment: 'nse_cm', token: name };
  }

  private refOf(symbol: string): NeoQuoteRef {
    if (typeof symbol !== 'string' || symbol.trim() === '') throw new KotakNeoError('REJECTED', 'no symbol to quote', { reason: 'INVALID_REQUEST' });
    if (kotakIndexName(symbol)) return this.indexRef(symbol);
    const contract = this.lookup().contractBySymbol(symbol.trim());
    if (!contract) throw new KotakNeoError('REJECTED', `${symbol} is neither a known index nor a contract of the Kotak master`, { reason: 'INVALID_INSTRUMENT' });
    return { exchangeSegment: contract.exchangeSegment, token: contract.token };
  }

  private async one(ref: NeoQuoteRef, label: string): Promise<NeoQuote> {
    return this.pick(await this.poller.quotes([ref]), ref, label);
  }

  private pick(quotes: ReadonlyMap<string, NeoQuote>, ref: NeoQuoteRef, label: string): NeoQuote {
    const q = quotes.get(keyOf(ref));
    if (!q) throw new KotakNeoError('UNKNOWN', `Kotak Neo returned no quote for ${label}`, { reason: 'MALFORMED_RESPONSE' });
    return q;
  }
}
