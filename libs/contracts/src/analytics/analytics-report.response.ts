/**
 * The analytics report of a period (`GET /api/analytics`), also the shape of a backtest run's
 * report. Money in integer paise; `…Pct` is percent (5 = 5%), `…Fraction` is 0..1. Instants are
 * IST wall times 'YYYY-MM-DDTHH:MM', dates IST 'YYYY-MM-DD'. Computed by `analyticsReport` in
 * @mcube/domain (the same shape, checked where the API returns it).
 */
export interface AnalyticsReport {
  /** First and last IST date of the period the trades were taken from (null: open-ended). */
  readonly from: string | null;
  readonly to: string | null;
  readonly kpis: AnalyticsKpis;
  /** The combined curve first (accountId 'ALL'), then one per account in id order. */
  readonly equity: readonly EquityCurve[];
  /** One row per IST date with a closed trade, ascending (the calendar heat map). */
  readonly daily: readonly DailyPnlPoint[];
  readonly byStrategy: readonly BreakdownRow[];
  readonly byExitReason: readonly BreakdownRow[];
  /** MON..FRI (..SUN when traded) of the exit date, in week order. */
  readonly byWeekday: readonly BreakdownRow[];
  /** VIX at entry in bands (`VIX_BANDS`), low to high; `UNKNOWN` last when missing. */
  readonly byVixBand: readonly BreakdownRow[];
  /** Days to expiry at entry in buckets (`DTE_BUCKETS`), low to high; `UNKNOWN` last. */
  readonly byDaysToExpiry: readonly BreakdownRow[];
  readonly targets: TargetsProgress;
}

/** Figures over every closed trade of the report (net of charges). */
export interface AnalyticsKpis {
  readonly trades: number;
  readonly wins: number;
  /** Trades with net P&L ≤ 0. */
  readonly losses: number;
  /** wins / trades (0 without trades). */
  readonly winRateFraction: number;
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  /** Σ net P&L of the winners. */
  readonly grossProfitPaise: number;
  /** Σ net P&L of the losers, as a positive number. */
  readonly grossLossPaise: number;
  /** grossProfit / grossLoss; null without a loss. */
  readonly profitFactor: number | null;
  /** Mean net P&L of a winner, paise rounded (0 without winners). */
  readonly avgWinPaise: number;
  /** Mean net P&L of a loser, paise rounded, ≤ 0 (0 without losers). */
  readonly avgLossPaise: number;
  /** Mean net P&L per trade, paise rounded (= winRate·avgWin + lossRate·avgLoss up to rounding). */
  readonly expectancyPaise: number;
  readonly maxConsecutiveLosses: number;
  /** Deepest drawdown of the combined curve. */
  readonly maxDrawdownPaise: number;
  readonly maxDrawdownPct: number;
}

/** An equity curve: capital plus cumulative net P&L after each closed trade. */
export interface EquityCurve {
  /** An account id, or 'ALL' for the combined curve. */
  readonly accountId: string;
  readonly startingCapitalPaise: number;
  readonly points: readonly EquityPoint[];
  /** Deepest drawdown (≤ 0) in paise and percent of the peak. */
  readonly maxDrawdownPaise: number;
  readonly maxDrawdownPct: number;
}

/** The curve after one trade closed. */
export interface EquityPoint {
  /** Exit time of the trade, IST 'YYYY-MM-DDTHH:MM'. */
  readonly at: string;
  readonly tradeId: string;
  readonly equityPaise: number;
  /** Highest equity so far (the starting capital included). */
  readonly peakPaise: number;
  /** equity − peak, ≤ 0. */
  readonly drawdownPaise: number;
  /** 100 · drawdown / peak, ≤ 0 (0 when the peak is not positive). */
  readonly drawdownPct: number;
}

/** Net P&L of one IST date. */
export interface DailyPnlPoint {
  readonly date: string;
  readonly trades: number;
  readonly netPnlPaise: number;
}

/** P&L of the trades sharing one key (a strategy, an exit reason, a weekday, a band). */
export interface BreakdownRow {
  readonly key: string;
  readonly trades: number;
  readonly wins: number;
  readonly winRateFraction: number;
  readonly netPnlPaise: number;
  readonly avgNetPnlPaise: number;
}

/** Net P&L of each ISO week and calendar month the period touches against the targets. */
export interface TargetsProgress {
  readonly weeklyTargetPaise: number | null;
  readonly monthlyTargetPaise: number | null;
  readonly weeks: readonly TargetProgressRow[];
  readonly months: readonly TargetProgressRow[];
}

/** One week (starting Monday) or month (starting the 1st). */
export interface TargetProgressRow {
  readonly periodStart: string;
  readonly netPnlPaise: number;
  /** net / target (may exceed 1 or be negative); null without a target. */
  readonly progressFraction: number | null;
}
