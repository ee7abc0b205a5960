import { KOTAK_RISK_DEFAULTS, KOTAK_STRANGLE_DEFAULTS, STRANGLE_FILTER_DEFAULTS, type StrangleFilterThresholds } from '@mcube/domain';

/** How an order's limit is priced from the touch: at the bid/ask (fills at once) or at the mid. */
export type LimitPriceMode = 'TOUCH' | 'MID';

/**
 * Every parameter of the Kotak NIFTY strangle (plan §3 and §5, as amended by DECISIONS.md §1).
 * Stored, editable settings: `validateKotakStrangleConfig` checks a candidate before it is
 * saved. Percent fields named `…Pct` are PERCENTAGES (70 = 70%) except the two margin
 * fractions, which say so. Times are IST 'HH:MM'. Amounts are paise.
 */
export interface KotakStrangleConfig {
  readonly accountId: string;
  readonly underlying: string;
  /** Entry window [start, end) and the time of the day's single evaluation inside it. */
  readonly entryWindowStart: string;
  readonly entryWindowEnd: string;
  readonly entryTime: string;
  /** Daily EOD check; on expiry day the position is closed at this time whatever the profit. */
  readonly eodTime: string;
  readonly targetPct: number;
  readonly stopLossPct: number;
  readonly eodMinProfitPct: number;
  readonly perPositionStopPaise: number;
  /** Strike formula (plan §5). */
  readonly baseDeltaPct: number;
  readonly roundTo: number;
  readonly vixElevatedAbove: number;
  readonly vixHighAbove: number;
  readonly elevatedMultiplier: number;
  readonly highMultiplier: number;
  readonly minDaysToExpiry: number;
  /** Points beyond an OI support/resistance level a short strike must sit. */
  readonly supportResistanceBufferPoints: number;
  /** |NIFTY 3-day change| above this percent sets a directional bias (up: BULLISH, down: BEARISH). */
  readonly biasThresholdPct: number;
  /** Steps of `roundTo` the threatened side is widened under a bias. */
  readonly biasShiftSteps: number;
  /** Minimum call + put premium, points. */
  readonly minCombinedPremium: number;
  /** Minimum premium of one strangle lot, paise (0 = no minimum). */
  readonly minPremiumPerLotPaise: number;
  /** Entry SELL limits: bid (TOUCH) or mid. Exit BUY limits: ask (TOUCH) or mid. */
  readonly entryLimitMode: LimitPriceMode;
  readonly exitLimitMode: LimitPriceMode;
  /** How long both entry legs may take to fill before the entry is abandoned and unwound. */
  readonly legFillTimeoutMs: number;
  /** How long a closing (exit/unwind) order may work before it is cancelled and re-priced. */
  readonly closeOrderTimeoutMs: number;
  /** How often the scheduler should call `onTick` in session. */
  readonly monitorIntervalMs: number;
  /** An unchanged HOLD is journalled at most this often. */
  readonly holdJournalIntervalMs: number;
  /** An unchanged delta alert is repeated at most this often. */
  readonly deltaAlertRepeatMs: number;
  readonly deltaThreshold: number;
  /** Account margin rule (DECISIONS §1 "Kotak margin"): FRACTIONS in (0, 1]. */
  readonly allocatedCapitalPaise: number;
  readonly maxMarginUsage: number;
  readonly firstTradeFraction: number;
  /** Upper bound on lots whatever the margin allows (0 = no cap). */
  readonly maxLots: number;
  /** Rough margin model (paper/simulator only): fraction of notional per short leg, + extra on expiry day. */
  readonly marginPctOfNotional: number;
  readonly expiryExtraMarginPct: number;
  /** Black-Scholes inputs for greeks: continuous rate and dividend yield. */
  readonly riskFreeRate: number;
  readonly dividendYield: number;
  /** Entry-filter thresholds (plan §5). */
  readonly filters: StrangleFilterThresholds;
}

/** The defaults: plan §3/§5 with DECISIONS.md applied. */
export const KOTAK_STRANGLE_CONFIG_DEFAULTS: KotakStrangleConfig = Object.freeze({
  accountId: 'KOTAK',
  underlying: KOTAK_STRANGLE_DEFAULTS.instrument,
  entryWindowStart: KOTAK_STRANGLE_DEFAULTS.entryWindowStart,
  entryWindowEnd: KOTAK_STRANGLE_DEFAULTS.entryWindowEnd,
  entryTime: KOTAK_STRANGLE_DEFAULTS.entryTime,
  eodTime: KOTAK_STRANGLE_DEFAULTS.eodTime,
  targetPct: KOTAK_STRANGLE_DEFAULTS.targetPct,
  stopLossPct: KOTAK_STRANGLE_DEFAULTS.stopLossPct,
  eodMinProfitPct: KOTAK_STRANGLE_DEFAULTS.eodMinProfitPct,
  perPositionStopPaise: KOTAK_STRANGLE_DEFAULTS.perPositionStopPaise,
  baseDeltaPct: KOTAK_STRANGLE_DEFAULTS.baseDeltaPct,
  roundTo: KOTAK_STRANGLE_DEFAULTS.roundTo,
  vixElevatedAbove: KOTAK_STRANGLE_DEFAULTS.vixElevatedAbove,
  vixHighAbove: KOTAK_STRANGLE_DEFAULTS.vixHighAbove,
  elevatedMultiplier: KOTAK_STRANGLE_DEFAULTS.elevatedMultiplier,
  highMultiplier: KOTAK_STRANGLE_DEFAULTS.highMultiplier,
  minDaysToExpiry: KOTAK_STRANGLE_DEFAULTS.minDaysToExpiry,
  supportResistanceBufferPoints: 0,
  biasThresholdPct: 1.0,
  biasShiftSteps: 1,
  minCombinedPremium: KOTAK_STRANGLE_DEFAULTS.minCombinedPremium,
  minPremiumPerLotPaise: 0,
  entryLimitMode: 'TOUCH',
  exitLimitMode: 'TOUCH',
  legFillTimeoutMs: 60_000,
  closeOrderTimeoutMs: 30_000,
  monitorIntervalMs: 5_000,
  holdJournalIntervalMs: 60_000,
  deltaAlertRepeatMs: 15 * 60_000,
  deltaThreshold: KOTAK_STRANGLE_DEFAULTS.deltaThreshold,
  allocatedCapitalPaise: KOTAK_RISK_DEFAULTS.allocatedCapitalPaise,
  maxMarginUsage: KOTAK_RISK_DEFAULTS.maxMarginUsagePct,
  firstTradeFraction: KOTAK_RISK_DEFAULTS.firstTradeFraction,
  maxLots: 0,
  marginPctOfNotional: 0.12,
  expiryExtraMarginPct: 0.02,
  riskFreeRate: 0.065,
  dividendYield: 0.012,
  filters: Object.freeze({ ...STRANGLE_FILTER_DEFAULTS }),
});
