import type { EconomicEvent, IsoDate, NseCalendar } from '@mcube/domain';
import type { SectorSpec, StockSpec } from './stock-universe.data';

/** Volatility regimes of the simulated market, each with its long-run India VIX level. */
export type VolRegime = 'CALM' | 'NORMAL' | 'STRESSED';

/** Everything the simulator is built from; all but `seed` and `startDate` have defaults. */
export interface MarketSimConfig {
  /** Same seed, same market. */
  readonly seed: number;
  /** First simulated trading day (or the next trading day after it); the market starts at its open. */
  readonly startDate: IsoDate;
  /** NSE calendar (holidays, dated sessions and expiries); default `createDefaultNseCalendar()`. */
  readonly calendar?: NseCalendar;
  /** Time between ticks inside the session, ms (default 1,000; tests use 15 min). */
  readonly tickIntervalMs?: number;
  readonly niftyStart?: number;
  readonly vixStart?: number;
  readonly regimeStart?: VolRegime;
  /** Risk-free rate and dividend yield (continuous) for futures carry and option prices. */
  readonly rate?: number;
  readonly dividendYield?: number;
  /** Expected NIFTY jumps per year and their size (std of the log jump). */
  readonly jumpsPerYear?: number;
  readonly jumpStd?: number;
  /** Share of a day's variance that falls overnight (the opening gap). */
  readonly overnightVarianceShare?: number;
  /** Volatility skew: vol(k) = atm·(1 + slope·x + curvature·x²), x = ln(K/F)/(atm·√T). */
  readonly skew?: { readonly slope: number; readonly curvature: number };
  /** Listed strikes each side of the at-the-money strike (default 50, ±2,500 points). */
  readonly strikesEachSide?: number;
  /** Trading days simulated (at 15-minute ticks, daily bars only) before `startDate`, so indicators have history (default 30). */
  readonly warmupTradingDays?: number;
  readonly sectors?: readonly SectorSpec[];
  readonly stocks?: readonly StockSpec[];
  /** Replaces the seeded events calendar. */
  readonly events?: readonly EconomicEvent[];
}

/** The config with every default filled in. */
export interface ResolvedSimConfig extends Required<Omit<MarketSimConfig, 'events' | 'calendar'>> {
  readonly calendar: NseCalendar;
  readonly events?: readonly EconomicEvent[];
}

/** Long-run VIX of each regime and the daily chance of leaving it. */
export const VOL_REGIMES: Readonly<Record<VolRegime, { readonly meanVix: number; readonly next: readonly [VolRegime, number][] }>> = {
  CALM: { meanVix: 11.5, next: [['NORMAL', 0.02]] },
  NORMAL: { meanVix: 15, next: [['CALM', 0.01], ['STRESSED', 0.008]] },
  STRESSED: { meanVix: 24, next: [['NORMAL', 0.04]] },
};

/** Trading days per year, for annualising variance (VIX is quoted annualised). */
export const TRADING_DAYS_PER_YEAR = 252;
