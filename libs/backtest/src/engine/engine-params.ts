import { KOTAK_RISK_DEFAULTS, type StoredRiskLimits } from '@mcube/domain';
import { OPTION_PRICING_DEFAULTS, type OptionPricingParams } from '../market/option-pricer';

const LAKH = 1_00_000 * 100;

/** How the engine simulates the account and the market (the strategy's own parameters are separate). */
export interface EngineParams {
  /** Paper account capital, paise (= the account's allocated capital). */
  readonly capitalPaise: number;
  readonly pricing: OptionPricingParams;
  /** Ticks of slippage against every fill (the paper broker's FIXED model), ≥ 0. */
  readonly slippageTicks: number;
  /** Strikes listed each side of the at-the-money strike, 50 points apart. */
  readonly strikesEachSide: number;
  /** Minutes between strategy ticks (the data's bars are 15 minutes). */
  readonly tickMinutes: number;
  /** Tick only at these IST times instead ('daily' runs: the strategy's entry and EOD times). */
  readonly tickTimes?: readonly string[];
  /** The account's stored risk-limit row (`effectiveRiskLimits` reads it). */
  readonly riskLimits: StoredRiskLimits;
  /**
   * After a breaker trip only a person re-activates the account: NEXT_DAY assumes they do at
   * the next session's open; NEVER keeps it off for the rest of the run.
   */
  readonly breakerReset: 'NEXT_DAY' | 'NEVER';
  /**
   * When an order sent at a tick is matched: SAME_TICK (default) at once, so the strategy sees
   * its fill within the tick; AFTER_TICK after the strategy's tick at the same instant (same
   * touch), so it sees the fill at its next tick, as in the API, where the order-sync pass runs
   * after the jobs.
   */
  readonly fills?: 'SAME_TICK' | 'AFTER_TICK';
}

/**
 * The seed's Kotak row (`apps/api/src/cli/trading-account-seeds.ts`: KOTAK_RISK_DEFAULTS and
 * the order-path defaults) with the weekly loss limit DECISIONS §6 settled (₹4 L; the seed
 * still writes none).
 */
export const SEED_KOTAK_RISK_LIMITS: StoredRiskLimits = Object.freeze({
  maxMarginUsagePct: KOTAK_RISK_DEFAULTS.maxMarginUsagePct,
  firstTradeFraction: KOTAK_RISK_DEFAULTS.firstTradeFraction,
  perPositionStopPaise: KOTAK_RISK_DEFAULTS.perPositionStopPaise ?? null,
  perTradeRiskPaise: null,
  dailyLossLimitPaise: KOTAK_RISK_DEFAULTS.dailyLossLimitPaise,
  weeklyLossLimitPaise: 4 * LAKH,
  weeklyProfitTargetPaise: KOTAK_RISK_DEFAULTS.weeklyProfitTargetPaise,
  monthlyProfitTargetPaise: KOTAK_RISK_DEFAULTS.monthlyProfitTargetPaise,
  pauseOnProfitTarget: KOTAK_RISK_DEFAULTS.pauseOnProfitTarget,
  maxDrawdownPct: KOTAK_RISK_DEFAULTS.maxDrawdownPct,
  maxLeverage: null,
  maxTotalExposurePaise: null,
  maxPositionExposurePaise: null,
  requiresApproval: false,
  minDaysToExpiryOptions: 1,
  minDaysToExpiryFutures: 15,
});

/** The engine's defaults. */
export const ENGINE_DEFAULTS: EngineParams = Object.freeze({
  capitalPaise: KOTAK_RISK_DEFAULTS.allocatedCapitalPaise,
  pricing: OPTION_PRICING_DEFAULTS,
  slippageTicks: 1,
  strikesEachSide: 40,
  tickMinutes: 15,
  riskLimits: SEED_KOTAK_RISK_LIMITS,
  breakerReset: 'NEXT_DAY',
});
