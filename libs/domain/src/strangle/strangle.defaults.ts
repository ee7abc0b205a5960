/**
 * Strategy defaults of the Kotak NIFTY short strangle: plan §3 `strategy_parameters` and
 * §5, with DECISIONS.md §1 applied (exits relative to expiry, GIFT Nifty, rounding 100).
 * Starting values of stored, editable settings; every rule takes them as arguments.
 * Percent-named fields (`…Pct`) here are PERCENTAGES (0.5 = 0.5%, 70 = 70%), as in the plan.
 */
export const KOTAK_STRANGLE_DEFAULTS = Object.freeze({
  instrument: 'NIFTY',
  /** Base strike distance per day to expiry, percent of spot (0.5%). */
  baseDeltaPct: 0.5,
  /** VIX strictly above this → elevated regime (× elevatedMultiplier). */
  vixElevatedAbove: 15,
  /** VIX strictly above this → high regime (× highMultiplier). */
  vixHighAbove: 18,
  elevatedMultiplier: 1.1,
  highMultiplier: 1.2,
  /** Strike rounding step in points (strikes exist every 50; 100 chosen for liquidity). */
  roundTo: 100,
  /** Options with fewer calendar days to expiry are skipped (plan §4). */
  minDaysToExpiry: 1,
  /** Exit when this percent of the premium has been captured. */
  targetPct: 70,
  /** Exit when the loss reaches this percent of the premium. */
  stopLossPct: 100,
  /** Per-position stop, paise (₹1,00,000). */
  perPositionStopPaise: 1_00_000 * 100,
  /** Daily end-of-day check time (IST). */
  eodTime: '15:15',
  /** EOD check exits only at or above this profit, percent of premium. */
  eodMinProfitPct: 50,
  /** Alert when |net delta| (underlying units) is above this. */
  deltaThreshold: 300,
  /** Morning entry evaluation time and window (IST). */
  entryTime: '10:00',
  entryWindowStart: '09:15',
  entryWindowEnd: '11:30',
  /**
   * Minimum call + put premium in points. The plan gives no figure: 15 is the smallest whole
   * premium whose 70% target covers a round trip's costs 5 times under the dated cost model
   * (`minCombinedPremiumFor` with {@link STRANGLE_PREMIUM_ECONOMICS}; docs/PARAMETERS.md).
   */
  minCombinedPremium: 15,
});

/**
 * The assumptions behind `minCombinedPremium` (not in the plan; docs/PARAMETERS.md): each of the
 * four fills of a round trip gives up ₹0.50 per unit to the market (10 ticks: the half-spread a
 * TOUCH limit crosses plus slippage on a fast buy-back), Kotak's ₹0 brokerage, and the target
 * must pay for the costs 5 times over.
 */
export const STRANGLE_PREMIUM_ECONOMICS = Object.freeze({
  executionCostPerFill: 0.5,
  brokeragePerOrderPaise: 0,
  coverage: 5,
});

/** Entry-filter thresholds of plan §5 (all strict: a value exactly at the limit passes). */
export const STRANGLE_FILTER_DEFAULTS = Object.freeze({
  /** |GIFT Nifty change| above this percent fails the global filter. */
  maxGiftNiftyChangePct: 0.5,
  /** |Nasdaq| or |Dow| change above this percent fails the global filter. */
  maxUsChangePct: 1.0,
  /** |NIFTY 1-day change| above this percent fails. */
  maxNifty1dChangePct: 1.0,
  /** |NIFTY 3-day change| above this percent fails. */
  maxNifty3dChangePct: 2.0,
  /** HIGH-importance events from today to today + this many calendar days (inclusive) fail. */
  eventLookaheadDays: 5,
  /** India VIX above this fails the regime filter. */
  maxVix: 20,
});
