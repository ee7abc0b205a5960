import { compareTimes, type IsoDate, type IstTime } from '../../time/ist-date';

/** EOD_MIN_PROFIT: at eodTime the position exits if its profit is at least the minimum; EXPIRY_DAY_CLOSE: it exits whatever the profit. */
export type NextExitRuleCode = 'EOD_MIN_PROFIT' | 'EXPIRY_DAY_CLOSE';

/** The time-based exit rule of the strangle that applies next. */
export interface NextExitRule {
  readonly code: NextExitRuleCode;
  /** The trading day it applies on. */
  readonly date: IsoDate;
  /** IST time it is checked at. */
  readonly time: IstTime;
  /** The minimum profit, percent of premium (EOD_MIN_PROFIT only; null for the expiry-day close). */
  readonly minProfitPct: number | null;
  /** Whether the position would exit if the rule ran now (the expiry-day close always does). */
  readonly wouldExitNow: boolean;
}

/** Inputs of {@link nextExitRule}. */
export interface NextExitRuleInput {
  readonly today: IsoDate;
  readonly now: IstTime;
  readonly isTradingDay: boolean;
  /** The trading day after today (from the NSE calendar). */
  readonly nextTradingDay: IsoDate;
  readonly expiryDate: IsoDate;
  readonly eodTime: IstTime;
  readonly eodMinProfitPct: number;
  /** Profit so far, percent of the premium collected; null when unknown. */
  readonly capturedPct: number | null;
}

/**
 * Which of the strangle's time rules (DECISIONS.md §1, `strangleExitDecision` steps 3–4) comes
 * next: today's check while today is a trading day before eodTime, else the next trading
 * day's; on the expiry date that check is the expiry-day close, otherwise the EOD check that
 * exits only at ≥ eodMinProfitPct of the premium.
 */
export function nextExitRule(input: NextExitRuleInput): NextExitRule {
  const date = input.isTradingDay && compareTimes(input.now, input.eodTime) < 0 ? input.today : input.nextTradingDay;
  if (date >= input.expiryDate) {
    return { code: 'EXPIRY_DAY_CLOSE', date: input.expiryDate, time: input.eodTime, minProfitPct: null, wouldExitNow: true };
  }
  const wouldExitNow = input.capturedPct !== null && input.capturedPct >= input.eodMinProfitPct;
  return { code: 'EOD_MIN_PROFIT', date, time: input.eodTime, minProfitPct: input.eodMinProfitPct, wouldExitNow };
}
