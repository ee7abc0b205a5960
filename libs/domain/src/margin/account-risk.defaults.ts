/**
 * Account-level defaults of plan §3 (`KOTAK_ACCOUNT_CONFIG.risk_parameters`,
 * `ICICI_ACCOUNT_CONFIG.risk_parameters`) with DECISIONS.md §1 applied. Every amount is
 * in paise; every `…Pct` here is a FRACTION (0.40 = 40%) unless its doc says otherwise.
 * These are starting values for stored, editable settings, never constants to read
 * directly in a rule: rules take them as arguments.
 */
export interface AccountRiskDefaults {
  /** Capital allocated to the account, paise. */
  readonly allocatedCapitalPaise: number;
  /** Fraction of allocated capital that may be used as margin at most, in (0, 1]. */
  readonly maxMarginUsagePct: number;
  /** Fraction of the usable headroom a first trade may take (plan's "50% rule"). */
  readonly firstTradeFraction: number;
  /** The one-position rule. */
  readonly maxConcurrentPositions: number;
  /** Loss on one position that forces its exit, paise (Kotak only; ICICI uses per-trade risk). */
  readonly perPositionStopPaise?: number;
  /** Largest planned loss of one trade at its stop, paise (ICICI). */
  readonly perTradeRiskPaise?: number;
  /** Loss in a day that trips the circuit breaker, paise. */
  readonly dailyLossLimitPaise: number;
  /** Loss in an ISO week (Monday on) that trips the circuit breaker, paise (DECISIONS §6: twice the daily limit). */
  readonly weeklyLossLimitPaise: number;
  /** Profit that pauses new entries for the rest of the week, paise. */
  readonly weeklyProfitTargetPaise: number;
  /** Profit that pauses new entries for the rest of the month, paise. */
  readonly monthlyProfitTargetPaise: number;
  /** Whether reaching a period target pauses entries (DECISIONS §1, configurable off). */
  readonly pauseOnProfitTarget: boolean;
  /** Drawdown from the equity peak that trips the breaker, as a fraction (0.15 = 15%). */
  readonly maxDrawdownPct: number;
  /** Exposure ÷ capital at most (ICICI: 5×). */
  readonly maxLeverage?: number;
  /** Total open exposure at most, paise (ICICI: ₹6 Cr). */
  readonly maxTotalExposurePaise?: number;
  /** Exposure of one position at most, paise (ICICI: ₹1.5 Cr). */
  readonly maxPositionExposurePaise?: number;
}

const CRORE = 1_00_00_000 * 100; // ₹1 crore in paise
const LAKH = 1_00_000 * 100; // ₹1 lakh in paise

/** Kotak (NIFTY strangle) account defaults, plan §3: ₹6 Cr, 40% margin cap, ₹1 L stop per position; weekly loss limit ₹4 L (DECISIONS §6). */
export const KOTAK_RISK_DEFAULTS: AccountRiskDefaults = Object.freeze({
  allocatedCapitalPaise: 6 * CRORE,
  maxMarginUsagePct: 0.4,
  firstTradeFraction: 0.5,
  maxConcurrentPositions: 1,
  perPositionStopPaise: 1 * LAKH,
  dailyLossLimitPaise: 2 * LAKH,
  weeklyLossLimitPaise: 4 * LAKH,
  weeklyProfitTargetPaise: 1.75 * LAKH,
  monthlyProfitTargetPaise: 7 * LAKH,
  pauseOnProfitTarget: true,
  maxDrawdownPct: 0.15,
});

/**
 * ICICI (directional futures) account defaults, plan §3: ₹1.2 Cr, 5× leverage, ₹6 Cr
 * total and ₹1.5 Cr per-position exposure, ₹60,000 risk per trade. The plan sets no
 * margin-usage cap for ICICI, so `maxMarginUsagePct` is 1 (the exposure caps bind instead).
 * Weekly loss limit ₹3 L (DECISIONS §6).
 */
export const ICICI_RISK_DEFAULTS: AccountRiskDefaults = Object.freeze({
  allocatedCapitalPaise: 1.2 * CRORE,
  maxMarginUsagePct: 1,
  firstTradeFraction: 0.5,
  maxConcurrentPositions: 1,
  perTradeRiskPaise: 60_000 * 100,
  dailyLossLimitPaise: 1.5 * LAKH,
  weeklyLossLimitPaise: 3 * LAKH,
  weeklyProfitTargetPaise: 1.5 * LAKH,
  monthlyProfitTargetPaise: 6 * LAKH,
  pauseOnProfitTarget: true,
  maxDrawdownPct: 0.15,
  maxLeverage: 5,
  maxTotalExposurePaise: 6 * CRORE,
  maxPositionExposurePaise: 1.5 * CRORE,
});
