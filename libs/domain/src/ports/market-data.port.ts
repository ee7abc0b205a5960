import type { QuoteTarget } from '../instruments/instrument-id';
import type { IsoDate, IstTime } from '../time/ist-date';
import type { BrokerInstrument } from './execution-client.port';

/** Last price and touch of one instrument or index. Prices in rupees/points. */
export interface MarketQuote {
  readonly symbol: string;
  readonly lastPrice: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly volume?: number;
  readonly openInterest?: number;
  /** Previous close, for change %. */
  readonly previousClose?: number;
  readonly asOfMs: number;
}

/**
 * Where a price comes from: REAL = an exchange/broker record (a live feed, an NSE file row that
 * traded); MODELLED = computed by the pricing model (simulator, or history without real rows).
 */
export type PriceSource = 'REAL' | 'MODELLED';

/** One side (call or put) of an option chain row. Open interest is in units (shares), not lots. */
export interface OptionSideQuote {
  readonly lastPrice: number;
  /** Whether `lastPrice` is a real record or a model price. */
  readonly source: PriceSource;
  readonly bid?: number;
  readonly ask?: number;
  readonly volume?: number;
  readonly openInterest?: number;
  readonly openInterestChange?: number;
  /** Implied volatility as a fraction (0.14), when the source gives one. */
  readonly impliedVolatility?: number;
}

/** All listed strikes of one underlying and expiry. */
export interface OptionChainSnapshot {
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly spot: number;
  readonly asOfMs: number;
  readonly strikes: readonly { readonly strike: number; readonly call?: OptionSideQuote; readonly put?: OptionSideQuote }[];
}

/** Bar length of historical data. */
export type BarInterval = '1m' | '5m' | '15m' | '1h' | '1d';

/** One OHLC bar; `time` is the IST start of the bar (absent for daily bars). */
export interface PriceBar {
  readonly date: IsoDate;
  readonly time?: IstTime;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly openInterest?: number;
}

/** Overnight cues for the strangle entry filters (GIFT Nifty replaced SGX Nifty on 2023-07-03). */
export interface GlobalCues {
  readonly giftNiftyChangePct?: number;
  readonly indices: readonly { readonly name: string; readonly changePct: number }[];
  readonly asOfMs: number;
}

/**
 * One sector index's performance for the futures screen (plan §6: 3-, 7- and 21-day), each the
 * percent change of the close over that many trading days, ending at the day's close.
 */
export interface SectorMove {
  readonly sector: string;
  /** The sector index ('NIFTY BANK', 'NIFTY IT' …). */
  readonly index: string;
  /** One-day change, percent. */
  readonly changePct: number;
  readonly perf3dPct: number;
  readonly perf7dPct: number;
  readonly perf21dPct: number;
}

/** A futures contract quote: last price, basis to spot and open interest (units). */
export interface FuturesQuote extends MarketQuote {
  readonly underlying: string;
  readonly expiry: IsoDate;
  /** Futures minus spot, points. */
  readonly basis: number;
  /** Open interest (units) at the previous close, when the source gives it: with `openInterest`, the day's OI change. */
  readonly previousOpenInterest?: number;
  readonly source: PriceSource;
}

/** One of the most liquid F&O stocks on a day, for the futures screen. */
export interface FnoStockSnapshot {
  readonly symbol: string;
  readonly sector: string;
  readonly lastPrice: number;
  /** Change from the previous close, percent. */
  readonly changePct: number;
  /** Traded value of the day in rupees (ranking key); absent when the source has none. */
  readonly turnoverRupees?: number;
  /** Open interest of the near-month future, units; absent when the source has none. */
  readonly futuresOpenInterest?: number;
  /** Change of that open interest from the previous day, percent; absent when unknown. */
  readonly futuresOiChangePct?: number;
}

/** Kinds of scheduled economic events the strategies care about. */
export type EconomicEventKind = 'RBI_POLICY' | 'UNION_BUDGET' | 'INDIA_CPI' | 'FED_POLICY' | 'US_CPI' | 'OTHER';

/** A scheduled economic event (entry filters avoid high-impact days). Date and time are IST. */
export interface EconomicEvent {
  readonly id: string;
  readonly date: IsoDate;
  readonly time?: IstTime;
  readonly kind: EconomicEventKind;
  readonly title: string;
  readonly country: 'IN' | 'US';
  readonly impact: 'HIGH' | 'MEDIUM' | 'LOW';
}

/** One tradable contract from the instrument master (the authority for lot, tick, freeze and expiries). */
export interface InstrumentMasterRecord extends BrokerInstrument {
  readonly lotSize: number;
  readonly tickSize: number;
  readonly freezeQuantity?: number;
}

/**
 * Market data for strategies, the UI and backtests: the simulator, the historical replay
 * and live broker/NSE feeds implement it (a later issue). All methods are required; a
 * source that lacks a feed (Kotak offers no historical candles) rejects with a
 * `BrokerError` of kind REJECTED rather than returning made-up data. Empty results are
 * empty arrays, never undefined. Errors are `BrokerError`s; raw payloads never leave the
 * adapter. "As of" instants are UTC epoch ms; dates and times are IST.
 */
export interface MarketDataPort {
  /**
   * Latest quote of a contract, named by its `InstrumentId` (the adapter maps it to its own
   * symbol or token), or of an index or stock by name ('NIFTY 50', 'INDIA VIX', 'RELIANCE').
   */
  quote(target: QuoteTarget): Promise<MarketQuote>;
  /** Quote of one futures contract of an underlying. */
  futuresQuote(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesQuote>;
  /** The option chain of an underlying for one expiry; every side says whether its price is REAL or MODELLED. */
  optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot>;
  /** Bars between two IST dates inclusive, oldest first. */
  historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]>;
  /** India VIX now. */
  vix(): Promise<{ readonly value: number; readonly asOfMs: number }>;
  /** GIFT Nifty and US index moves. */
  globalCues(): Promise<GlobalCues>;
  /** Sector index performance (1/3/7/21 days) at the close of a trading day. */
  sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]>;
  /** The most liquid F&O stocks of a trading day (at most `limit`, default 50), most liquid first. */
  liquidFnoStocks(request: { readonly date: IsoDate; readonly limit?: number }): Promise<readonly FnoStockSnapshot[]>;
  /** Scheduled economic events between two IST dates inclusive, in date order. */
  economicEvents(request: { readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly EconomicEvent[]>;
  /** The contracts tradable on a date (instrument master of that day). */
  instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]>;
}
