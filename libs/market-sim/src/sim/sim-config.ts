import type { EconomicEvent, IsoDate, NseCalendar } from '@mcube/domain';
import type { SectorSpec, StockSpec } from './stock-universe.data';

/** Volatility regimes of the simulated market, each with its long-run India VIX level. */
export type VolRegime = 'CALM' | 'NORMAL' | 'STRESSED';

/**
 * The stock-only history (`stockHistoryTradingDays`) a host running the ICICI futures screen on
 * the simulator gives it: with the default 30-session warm-up, 70 completed daily bars from the
 * first live day, enough for the screen's 50-session EMA and MACD.
 */
export const SCREEN_STOCK_HISTORY_TRADING_DAYS = 40;

/**
 * The index history (`indexHistoryTradingDays`) the same host gives: the screen judges the NIFTY
 * and BANKNIFTY futures on the daily bars of NIFTY 50 and NIFTY BANK, which need as many.
 */
export const SCREEN_INDEX_HISTORY_TRADING_DAYS = 40;

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
  /**
   * Extra daily stock bars before the warm-up (default 0): a stock-only history, drawn from its
   * own stream and joined to each stock's start price, so the futures screen's indicators (a
   * 50-session EMA, MACD) have enough bars from the first live day. The warm-up itself, NIFTY,
   * VIX, sectors, options and every price from the first warm-up day on are unchanged by it.
   */
  readonly stockHistoryTradingDays?: number;
  /**
   * Extra daily bars of NIFTY 50 and the sector indices before the warm-up (default 0), drawn
   * from their own stream and joined to their start levels (`indexHistoryPreroll`). As with the
   * stock history, every price from the first warm-up day on is unchanged by it.
   */
  readonly indexHistoryTradingDays?: number;
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
