import type { IsoDate, PriceBar, PriceSource, StrikeOi } from '@mcube/domain';

/** A reading the market source may not have: either the value (and whether it is REAL or MODELLED) or why it is missing. */
export type Sourced<T> = { readonly available: true; readonly value: T; readonly source: PriceSource } | { readonly available: false; readonly reason: string };

/** One listed futures contract (from the instrument master of the day). */
export interface FuturesContractInfo {
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly lotSize: number;
  readonly tickSize: number;
  readonly tradingSymbol: string;
}

/** Traded value of one stock in one completed session, rupees. */
export interface SessionLiquidity {
  readonly symbol: string;
  readonly tradedValueRupees: number;
}

/** Futures OI now and at the previous close, with the futures (or underlying) price now and at the previous close. */
export interface FuturesOiReading {
  readonly oi: number;
  readonly prevOi: number;
  readonly ltp: number;
  readonly prevClose: number;
}

/** Open interest of the option chain by strike (for the put-call ratio). */
export interface OptionsOiReading {
  readonly expiry: IsoDate;
  readonly calls: readonly StrikeOi[];
  readonly puts: readonly StrikeOi[];
}

/** A sector index's performance (percent) over 3, 7 and 21 sessions ending at `asOfDate`'s close. */
export interface SectorPerformanceReading {
  readonly asOfDate: IsoDate;
  readonly perf3d: number;
  readonly perf7d: number;
  readonly perf21d: number;
}

/** A futures contract's price now (rupees). */
export interface FuturesTouch {
  readonly lastPrice: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly asOfMs: number;
  readonly source: PriceSource;
}

/**
 * Market data the futures screener and monitor need. Implemented over the domain's
 * `MarketDataPort` by `MarketDataFuturesSource` (simulator, replay, live feeds), or directly.
 * Guarantees: readings a source cannot give (futures OI in the replay, stock option chains in
 * the simulator) resolve as `{ available: false, reason }`, never as invented numbers; daily
 * bars are completed sessions, oldest first. Infrastructure failures reject (`BrokerError`);
 * the screener turns a rejection for one candidate into a DATA_ERROR drop of that candidate.
 */
export interface FuturesMarketPort {
  /** Futures listed on `date`, every underlying and expiry. */
  futuresContracts(date: IsoDate): Promise<readonly FuturesContractInfo[]>;
  /** Traded value per F&O stock in one completed session (empty when the source has none that day). */
  sessionLiquidity(date: IsoDate): Promise<readonly SessionLiquidity[]>;
  /** Completed daily bars of a stock or an index ('NIFTY 50', 'NIFTY BANK') between two dates inclusive. */
  dailyBars(request: { readonly symbol: string; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]>;
  futuresOpenInterest(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<Sourced<FuturesOiReading>>;
  optionsOpenInterest(request: { readonly underlying: string; readonly date: IsoDate }): Promise<Sourced<OptionsOiReading>>;
  sectorPerformance(request: { readonly index: string; readonly date: IsoDate }): Promise<Sourced<SectorPerformanceReading>>;
  futuresTouch(request: { readonly underlying: string; readonly expiry: IsoDate }): Promise<FuturesTouch>;
}
