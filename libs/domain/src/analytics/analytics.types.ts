/**
 * One closed trade (a closed position) as analytics reads it. Money in integer paise, net of
 * charges in `netPnlPaise` (= gross − charges); times are IST wall times 'YYYY-MM-DDTHH:MM'.
 */
export interface AnalyticsTrade {
  readonly id: string;
  readonly accountId: string;
  readonly strategy: string;
  readonly underlying?: string;
  readonly entryAt: string;
  readonly exitAt: string;
  readonly exitReason: string;
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  /** India VIX when the position was entered; null/undefined when unknown. */
  readonly vixAtEntry?: number | null;
  /** Calendar days from the entry date to the expiry; null/undefined when unknown. */
  readonly daysToExpiryAtEntry?: number | null;
}

/** Figures over a set of trades (net of charges). `…Fraction` is 0..1, `…Pct` percent. */
export interface AnalyticsKpis {
  readonly trades: number;
  readonly wins: number;
  /** Trades with net P&L ≤ 0 (a flat trade is not a win). */
  readonly losses: number;
  readonly winRateFraction: number;
  readonly grossPnlPaise: number;
  readonly chargesPaise: number;
  readonly netPnlPaise: number;
  readonly grossProfitPaise: number;
  /** Σ of the losers' net P&L as a positive number. */
  readonly grossLossPaise: number;
  /** grossProfit / grossLoss; null without a loss. */
  readonly profitFactor: number | null;
  readonly avgWinPaise: number;
  /** ≤ 0. */
  readonly avgLossPaise: number;
  /** Mean net P&L per trade, rounded to the paisa. */
  readonly expectancyPaise: number;
  readonly maxConsecutiveLosses: number;
  /** Of the combined curve, ≤ 0. */
  readonly maxDrawdownPaise: number;
  readonly maxDrawdownPct: number;
}

/** The equity curve after one trade: capital + cumulative net P&L, with the drawdown from the peak. */
export interface EquityPoint {
  readonly at: string;
  readonly tradeId: string;
  readonly equityPaise: number;
  readonly peakPaise: number;
  /** equity − peak, ≤ 0. */
  readonly drawdownPaise: number;
  /** 100 · drawdown / peak, ≤ 0 (0 while the peak is not positive). */
  readonly drawdownPct: number;
}

/** One equity curve ('ALL' = every account together). */
export interface EquityCurve {
  readonly accountId: string;
  readonly startingCapitalPaise: number;
  readonly points: readonly EquityPoint[];
  readonly maxDrawdownPaise: number;
  readonly maxDrawdownPct: number;
}

/** Net P&L of one IST exit date. */
export interface DailyPnlPoint {
  readonly date: string;
  readonly trades: number;
  readonly netPnlPaise: number;
}

/** The trades sharing one key. */
export interface BreakdownRow {
  readonly key: string;
  readonly trades: number;
  readonly wins: number;
  readonly winRateFraction: number;
  readonly netPnlPaise: number;
  readonly avgNetPnlPaise: number;
}

/** One ISO week (Monday) or calendar month (1st) against its target. */
export interface TargetProgressRow {
  readonly periodStart: string;
  readonly netPnlPaise: number;
  /** net / target; null without a target. */
  readonly progressFraction: number | null;
}

export interface TargetsProgress {
  readonly weeklyTargetPaise: number | null;
  readonly monthlyTargetPaise: number | null;
  readonly weeks: readonly TargetProgressRow[];
  readonly months: readonly TargetProgressRow[];
}

/** The whole report (the API's `AnalyticsReport` contract has this shape). */
export interface AnalyticsReport {
  readonly from: string | null;
  readonly to: string | null;
  readonly kpis: AnalyticsKpis;
  readonly equity: readonly EquityCurve[];
  readonly daily: readonly DailyPnlPoint[];
  readonly byStrategy: readonly BreakdownRow[];
  readonly byExitReason: readonly BreakdownRow[];
  readonly byWeekday: readonly BreakdownRow[];
  readonly byVixBand: readonly BreakdownRow[];
  readonly byDaysToExpiry: readonly BreakdownRow[];
  readonly targets: TargetsProgress;
}
