/**
 * Strategy defaults of the ICICI directional futures strategy: plan §3
 * `strategy_parameters` and §6, with DECISIONS.md §1 applied (averaging: 2 attempts by
 * default, caps 20% / 50% / 50%). Starting values of stored, editable settings.
 * Units: fields named `…Pct` here are FRACTIONS (0.005 = 0.5%) unless noted; OI and PCR
 * thresholds are as the plan writes them (percent points, ratios).
 */
export const ICICI_FUTURES_DEFAULTS = Object.freeze({
  /** Futures with fewer calendar days to expiry roll to the next month (plan §4). */
  minDaysToExpiry: 15,
  /** Stop-loss distance from entry, fraction (0.5%). */
  stopLossPct: 0.005,
  /** Target distance from entry, fraction (1%). */
  targetPct: 0.01,
  /** Reward ÷ risk at least (1:2). */
  minRiskRewardRatio: 2,
  /** EOD exit only at or above this profit, PERCENT of target (plan: 50.0). */
  minProfitPctToExit: 50,
  allowAveraging: true,
  /** Averaging attempts allowed (DECISIONS §1: default 2, at most 3). */
  maxAverageAttempts: 2,
  /** Averaging triggers when price is this fraction against the average entry (1%). */
  averageTriggerPct: 0.01,
  /** Attempt k may use at most caps[k − 1] of the then-available margin. */
  averagingMarginCaps: Object.freeze([0.2, 0.5, 0.5]) as readonly number[],
  /** After an averaging fill the stop sits this fraction from the new average (0.5%). */
  averagedStopLossPct: 0.005,
  /** LLM validation must be at least this confident. */
  minLlmConfidence: 0.7,
  /** Every ICICI entry and averaging order needs a person's approval. */
  requireHumanApproval: true,
  /** |futures OI change| above this PERCENT is significant (plan §6: 5). */
  oiChangeThresholdPct: 5,
  /** PCR above this is bullish. */
  pcrBullishAbove: 1.3,
  /** PCR below this is bearish. */
  pcrBearishBelow: 0.7,
  /** Composite screening score needed, out of 100. */
  minScreeningScore: 65,
  /** Exchange tick size, rupees. */
  tickSize: 0.05,
});
