/** One entry filter of the strangle with the value it saw. */
export interface EntryFilterResponse {
  /** ONE_POSITION, GLOBAL_MARKETS, NIFTY_MOVEMENT, EVENT_CALENDAR, MARKET_REGIME (the domain's filter names). */
  name: string;
  passed: boolean;
  /** The values the filter measured (e.g. { vix: 14.2, maxVix: 22 }). */
  values: Record<string, unknown>;
  /** Human-readable outcome ("India VIX too high: 24.1 (limit: 22)"). */
  message: string;
}

/**
 * GET /api/strategies/kotak-strangle/evaluation?accountId=N: "what would it do now", never trading.
 * `evaluation` is the strategy library's full EntryEvaluation (expiry, strikes with each step,
 * premium with both legs' quotes, sizing); `filters` flattens its filter results for display.
 */
export interface EntryEvaluationResponse {
  accountId: number;
  decision: 'ENTER' | 'SKIP' | 'MONITOR';
  reasonCode: string;
  reason: string;
  evaluatedAtMs: number;
  filters: EntryFilterResponse[];
  expiry: string | null;
  callStrike: number | null;
  putStrike: number | null;
  /** Rupees per unit. */
  callPremium: number | null;
  putPremium: number | null;
  lots: number | null;
  quantity: number | null;
  evaluation: Record<string, unknown>;
}
