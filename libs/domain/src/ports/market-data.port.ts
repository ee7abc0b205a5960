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

/** One side (call or put) of an option chain row. */
export interface OptionSideQuote {
  readonly lastPrice: number;
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

/** One sector's move, for the futures screen. */
export interface SectorMove {
  readonly sector: string;
  readonly changePct: number;
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
  /** Latest quote of an instrument or index ('NIFTY 50', 'INDIA VIX', a contract symbol). */
  quote(symbol: string): Promise<MarketQuote>;
  /** The option chain of an underlying for one expiry. */
  optionChain(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<OptionChainSnapshot>;
  /** Bars between two IST dates inclusive, oldest first. */
  historyBars(request: { readonly symbol: string; readonly interval: BarInterval; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]>;
  /** India VIX now. */
  vix(): Promise<{ readonly value: number; readonly asOfMs: number }>;
  /** GIFT Nifty and US index moves. */
  globalCues(): Promise<GlobalCues>;
  /** Sector moves for a trading day. */
  sectorPerformance(date: IsoDate): Promise<readonly SectorMove[]>;
  /** The contracts tradable on a date (instrument master of that day). */
  instruments(date: IsoDate): Promise<readonly InstrumentMasterRecord[]>;
}
