import {
  BrokerError,
  type BarInterval,
  type Clock,
  type EconomicEvent,
  type FnoStockSnapshot,
  type FuturesQuote,
  type GlobalCues,
  type InstrumentMasterRecord,
  type IsoDate,
  type MarketDataPort,
  quoteNameOf,
  type QuoteTarget,
  type MarketQuote,
  type NseCalendar,
  type OptionChainSnapshot,
  type PriceBar,
  type PriceSource,
  type SectorMove,
} from '@mcube/domain';
import { buildInstrumentMaster, contractSymbol, listedOptionExpiries, listedStrikes, parseContractSymbol, yearsToExpiry, type RealOptionRow } from '@mcube/market-sim';
import type { MarketHistory } from '../data/market-history';
import type { IntradaySeries } from '../data/price-series';
import { lowerBound, upperBound } from '../data/price-series';
import { lazyChain } from './lazy-chain';
import type { MarketState } from './market-state';
import { modelledStrike, priceSide, type OptionPricingParams, type PricedSide } from './option-pricer';
import { usCuesOn } from './us-cues';

/** Options of the backtest market. */
export interface BacktestMarketOptions {
  readonly pricing: OptionPricingParams;
  /** Strikes listed each side of the at-the-money strike (50 points apart). */
  readonly strikesEachSide: number;
  /** Scheduled events for the entry filter; the shared data has none, so by default none. */
  readonly events?: readonly EconomicEvent[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const rowKey = (expiry: IsoDate, strike: number, type: string) => `${expiry}|${strike}|${type}`;
const INDEX_ALIASES: Readonly<Record<string, string>> = { NIFTY: 'NIFTY 50', 'NIFTY 50': 'NIFTY 50', 'INDIA VIX': 'INDIA VIX' };
const US_SERIES: Readonly<Record<string, keyof MarketHistory['us']>> = { NASDAQ: 'nasdaq', 'DOW JONES': 'dow', 'S&P 500': 'sp500' };

/**
 * The market-data port of a backtest: historical NIFTY, India VIX and US bars as known at the
 * engine's instant (`MarketState`, written only by the engine), NIFTY options REAL where the
 * data has a record known by then (end-of-day rows, from that day's close) and otherwise
 * MODELLED (Black-Scholes at India VIX with the stated skew), every side with a touch from the
 * stated spread model. GIFT Nifty has no history: its change is proxied by NIFTY's opening
 * gap against the previous close, known from 09:15 (DECISIONS §6). Feeds the backtest does
 * not replay (sectors, stocks, futures) reject with BrokerError REJECTED.
 */
export class BacktestMarket implements MarketDataPort {
  private chainCache = new Map<string, OptionChainSnapshot>();
  private chainCacheMs = -1;
  private readonly realIndex = new Map<IsoDate, Map<string, RealOptionRow>>();
  private readonly expiriesOf = new Map<IsoDate, readonly IsoDate[]>();
  private readonly masterOf = new Map<IsoDate, readonly InstrumentMasterRecord[]>();
  private readonly sources = new Map<string, PriceSource>();
  private readonly strikeRange = new Map<IsoDate, [number, number]>();

  constructor(
    private readonly history: MarketHistory,
    private readonly state: MarketState,
    private readonly calendar: NseCalendar,
    private readonly clock: Clock,
    private readonly options: BacktestMarketOptions,
  ) {}

  /** Where the last quote served for `symbol` came from (REAL or MODELLED); undefined before any. */
  sourceOf(symbol: string): PriceSource | undefined {
    return this.sources.get(symbol);
  }

  private known(value: number, what: string): number {
    if (!Number.isFinite(value)) throw new BrokerError('REJECTED', `no ${what} is known at ${this.state.date || 'the start'}`);
    return value;
  }

  async quote(target: QuoteTarget): Promise<MarketQuote> {
    const symbol = quoteNameOf(target);
    const name = symbol.trim().toUpperCase();
    const index = INDEX_ALIASES[name];
    const asOfMs = this.clock.nowMs();
    if (index === 'NIFTY 50') return { symbol: index, lastPrice: this.known(this.state.nifty, 'NIFTY level'), previousClose: Number.isFinite(this.state.niftyPrevClose) ? this.state.niftyPrevClose : undefined, asOfMs };
    if (index === 'INDIA VIX') return { symbol: index, lastPrice: this.known(this.state.vix, 'India VIX level'), asOfMs };
    const contract = parseContractSymbol(name);
    if (contract?.kind === 'OPT' && contract.strike !== undefined && contract.optionType) {
      const side = this.side(contract.expiry, contract.strike, contract.optionType);
      this.sources.set(symbol, side.source);
      return { symbol, lastPrice: side.lastPrice, bid: side.bid, ask: side.ask, asOfMs };
    }
    throw new BrokerError('REJECTED', `the backtest market has no instrument ${symbol}`);
  }

  async futuresQuote(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesQuote> {
    throw new BrokerError('REJECTED', `the backtest market replays no futures (${request.underlying} ${request.expiry})`);
  }

  async optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot> {
    return this.chain(request.underlying, request.expiry);
  }

  private chain(underlying: string, expiry: IsoDate): OptionChainSnapshot {
    if (underlying.trim().toUpperCase() !== 'NIFTY') throw new BrokerError('REJECTED', `the backtest has options of NIFTY only, not ${underlying}`);
    const now = this.clock.nowMs();
    if (now !== this.chainCacheMs) {
      this.chainCache = new Map();
      this.chainCacheMs = now;
    }
    const cached = this.chainCache.get(expiry);
    if (cached) return cached;
    const { date } = this.state;
    if (!this.listedExpiries(date).includes(expiry)) throw new BrokerError('REJECTED', `no NIFTY option expiry ${expiry} is listed on ${date}`);
    const spot = this.known(this.state.nifty, 'NIFTY level');
    const vix = this.known(this.state.vix, 'India VIX level');
    const reference = Number.isFinite(this.state.niftyPrevClose) ? this.state.niftyPrevClose : spot;
    const real = this.realRowsNow();
    const strikes = new Set(this.listedStrikesOf(expiry, reference));
    if (real) for (const r of real.values()) if (r.expiry === expiry) strikes.add(r.strike);
    const years = yearsToExpiry(now, expiry, this.calendar.sessionFor(expiry)?.close ?? '15:30');
    const pricing = this.options.pricing;
    const chain = lazyChain({
      underlying: 'NIFTY',
      expiry,
      spot,
      asOfMs: now,
      strikes: [...strikes].sort((a, b) => a - b),
      pricer: (strike) => {
        const m = modelledStrike({ spot, strike, years, vix, params: pricing });
        return {
          call: priceSide({ type: 'CE', modelPrice: m.call, vol: m.vol, real: real?.get(rowKey(expiry, strike, 'CE')), params: pricing }),
          put: priceSide({ type: 'PE', modelPrice: m.put, vol: m.vol, real: real?.get(rowKey(expiry, strike, 'PE')), params: pricing }),
        };
      },
    });
    this.chainCache.set(expiry, chain);
    return chain;
  }

  private side(expiry: IsoDate, strike: number, type: 'CE' | 'PE'): PricedSide {
    const row = this.chain('NIFTY', expiry).strikes.find((r) => r.strike === strike);
    if (row) return (type === 'CE' ? row.call : row.put) as PricedSide;
    // A strike off the listed window (far out after a big move) is still priced by the model.
    const spot = this.known(this.state.nifty, 'NIFTY level');
    const years = yearsToExpiry(this.clock.nowMs(), expiry, this.calendar.sessionFor(expiry)?.close ?? '15:30');
    const m = modelledStrike({ spot, strike, years, vix: this.known(this.state.vix, 'India VIX level'), params: this.options.pricing });
    return priceSide({ type, modelPrice: type === 'CE' ? m.call : m.put, vol: m.vol, params: this.options.pricing });
  }

  /**
   * Strikes of `expiry` listed so far: today's window around the reference level joined with
   * every earlier day's (a listed strike stays listed until expiry, however far the index moved).
   */
  private listedStrikesOf(expiry: IsoDate, reference: number): number[] {
    const today = listedStrikes(reference, 50, this.options.strikesEachSide);
    const known = this.strikeRange.get(expiry);
    const low = Math.min(today[0], known?.[0] ?? Number.POSITIVE_INFINITY);
    const high = Math.max(today[today.length - 1], known?.[1] ?? 0);
    this.strikeRange.set(expiry, [low, high]);
    const out: number[] = [];
    for (let k = low; k <= high; k += 50) out.push(k);
    return out;
  }

  /** Real option rows usable now: a day's end-of-day records, from that day's close on. */
  private realRowsNow(): Map<string, RealOptionRow> | undefined {
    if (!this.state.dayClosed) return undefined;
    const date = this.state.date;
    if (!this.realIndex.has(date)) {
      const rows = this.history.optionRows.get(date);
      this.realIndex.set(date, new Map((rows ?? []).map((r) => [rowKey(r.expiry, r.strike, r.type), r])));
    }
    const index = this.realIndex.get(date);
    return index && index.size > 0 ? index : undefined;
  }

  private listedExpiries(date: IsoDate): readonly IsoDate[] {
    let list = this.expiriesOf.get(date);
    if (!list) {
      list = this.calendar.isTradingDay(date) ? listedOptionExpiries({ calendar: this.calendar, date }) : [];
      this.expiriesOf.set(date, list);
    }
    return list;
  }

  async historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    const name = request.symbol.trim().toUpperCase();
    const index = INDEX_ALIASES[name];
    const { date, dayClosed } = this.state;
    if (request.interval === '1d') {
      const series = index === 'NIFTY 50' ? this.history.niftyDaily : index === 'INDIA VIX' ? this.history.vixDaily : US_SERIES[name] ? this.history.us[US_SERIES[name]] : null;
      if (!series) throw new BrokerError('REJECTED', `the backtest has no daily bars of ${request.symbol}`);
      // Known: Indian days closed by now; US days dated before today's IST date (they close overnight).
      const knownEnd = date === '' ? 0 : index && dayClosed ? upperBound(series.dates, date) : lowerBound(series.dates, date);
      return series.bars(lowerBound(series.dates, request.from), Math.min(knownEnd, upperBound(series.dates, request.to)));
    }
    if (request.interval === '15m' && index) {
      const series = index === 'NIFTY 50' ? this.history.nifty15m : this.history.vix15m;
      if (!series) throw new BrokerError('REJECTED', `the data folder has no 15-minute bars of ${index}`);
      return this.intraday(series, request.from, request.to);
    }
    throw new BrokerError('REJECTED', `the backtest has no ${request.interval} bars of ${request.symbol}`);
  }

  private intraday(series: IntradaySeries, from: IsoDate, to: IsoDate): PriceBar[] {
    const now = this.clock.nowMs();
    const out: PriceBar[] = [];
    for (let i = lowerBound(series.dates, from); i < series.length && series.dates[i] <= to && series.startMs[i] + series.intervalMs <= now; i++) {
      out.push({ date: series.dates[i], time: series.timeOf(i), open: series.open[i], high: series.high[i], low: series.low[i], close: series.close[i], volume: 0 });
    }
    return out;
  }

  async vix(): Promise<{ readonly value: number; readonly asOfMs: number }> {
    return { value: this.known(this.state.vix, 'India VIX level'), asOfMs: this.clock.nowMs() };
  }

  /**
   * GIFT Nifty proxy (DECISIONS §6): NIFTY's opening gap against the previous close, percent,
   * once today's session has opened (absent before); US moves per `usCuesOn`.
   */
  async globalCues(): Promise<GlobalCues> {
    const { niftyOpen, niftyPrevClose } = this.state;
    const gap = Number.isFinite(niftyOpen) && Number.isFinite(niftyPrevClose) ? round2((niftyOpen / niftyPrevClose - 1) * 100) : undefined;
    return { ...(gap !== undefined ? { giftNiftyChangePct: gap } : {}), indices: usCuesOn(this.history.us, this.state.date).indices, asOfMs: this.clock.nowMs() };
  }

  async sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]> {
    throw new BrokerError('REJECTED', `the backtest replays no sector indices (${date})`);
  }

  async liquidFnoStocks(request: { readonly date: IsoDate; readonly limit?: number }): Promise<readonly FnoStockSnapshot[]> {
    throw new BrokerError('REJECTED', `the backtest replays no stocks (${request.date})`);
  }

  async economicEvents(request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]> {
    return (this.options.events ?? []).filter((e) => e.date >= request.from && e.date <= request.to);
  }

  async instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]> {
    if (date > this.state.date) throw new BrokerError('REJECTED', `the instrument master of ${date} is not known on ${this.state.date}`);
    if (!this.calendar.isTradingDay(date)) throw new BrokerError('REJECTED', `${date} is not a trading day: nothing is listed`);
    let master = this.masterOf.get(date);
    if (!master) {
      const i = this.history.niftyDaily.lastIndexBefore(date);
      if (i < 0) throw new BrokerError('REJECTED', `no NIFTY close before ${date} to list strikes around`);
      // Each listed expiry at its at-the-money strike: what a strategy reads from the master is per
      // expiry (lot size, tick, freeze quantity); the chain lists the strikes.
      master = buildInstrumentMaster({ calendar: this.calendar, date, referenceSpot: this.history.niftyDaily.close[i], strikesEachSide: 0 });
      this.masterOf.clear();
      this.masterOf.set(date, master);
    }
    return master;
  }
}

/** The symbol the paper broker quotes a contract by (the simulator's format). */
export const optionSymbolOf = contractSymbol;

/**
 * What the engine's strategy, fill model, marks and breaker read: the history's
 * `BacktestMarket`, or a live market source (the seeded simulator) given as
 * `BacktestRunInput.market`; `sourceOf` says REAL or MODELLED where the source knows.
 */
export type EngineMarket = MarketDataPort & { sourceOf?(symbol: string): PriceSource | undefined };
