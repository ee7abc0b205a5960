import { ICICI_RISK_DEFAULTS, KOTAK_RISK_DEFAULTS } from '../margin/account-risk.defaults';
import type { Paise } from '../money/paise';
import type { BrokerName } from './order-terms';
import type { RiskLimits } from './risk-context';

/**
 * An account's stored risk-limit row (the `risk_limits` table): fractions 0..1, amounts paise,
 * null = that limit is off (except the weekly loss limit: null = the broker's default).
 */
export interface StoredRiskLimits {
  readonly maxMarginUsagePct: number;
  readonly firstTradeFraction: number;
  readonly perPositionStopPaise: Paise | null;
  readonly perTradeRiskPaise: Paise | null;
  readonly dailyLossLimitPaise: Paise;
  readonly weeklyLossLimitPaise: Paise | null;
  readonly weeklyProfitTargetPaise: Paise;
  readonly monthlyProfitTargetPaise: Paise;
  readonly pauseOnProfitTarget: boolean;
  readonly maxDrawdownPct: number;
  readonly maxLeverage: number | null;
  readonly maxTotalExposurePaise: Paise | null;
  readonly maxPositionExposurePaise: Paise | null;
  readonly requiresApproval: boolean;
  readonly minDaysToExpiryOptions: number;
  readonly minDaysToExpiryFutures: number;
}

/** The limits in force for an account, each read one way by every consumer. */
export interface EffectiveRiskLimits {
  /** What the risk checks read (`RiskContext.limits`); a loss limit that is off is `Number.MAX_SAFE_INTEGER`. */
  readonly checks: RiskLimits;
  /** What the breaker and the loss-limit warning read. */
  readonly loss: { readonly dailyLossLimitPaise: Paise; readonly weeklyLossLimitPaise: Paise; readonly maxDrawdownPct: number };
  /** Inputs of `usableMargin`; `firstTradeFraction` undefined = its default (0.5). */
  readonly margin: { readonly maxMarginUsagePct: number; readonly firstTradeFraction?: number };
  /** Approval and days-to-expiry rules of the order path. */
  readonly orderPath: { readonly requiresApproval: boolean; readonly minDaysToExpiryOptions: number; readonly minDaysToExpiryFutures: number };
  /** The strangle's loss per position that forces an exit; null = off. */
  readonly perPositionStopPaise: Paise | null;
}

/**
 * Order-path settings of an account without a stored row: every ICICI entry/averaging order
 * waits for a person (DECISIONS §1); options need 1 day to expiry (the 1-day rule), futures 15.
 */
export function orderPathDefaultsFor(broker: BrokerName): EffectiveRiskLimits['orderPath'] {
  return { requiresApproval: broker === 'ICICI', minDaysToExpiryOptions: 1, minDaysToExpiryFutures: 15 };
}

/**
 * The limits in force: the stored row where it has a value, the broker's defaults
 * (`KOTAK_RISK_DEFAULTS` / `ICICI_RISK_DEFAULTS`) where there is no row. The one resolution
 * the API's risk context, circuit breaker and loss-limit warning all call
 * (apps/api risk/context/risk-context.service.ts, risk/breaker/circuit-breaker-trip.service.ts,
 * risk/limits/loss-limit-watch.service.ts) and the backtest uses; what it resolves:
 * - daily loss limit, drawdown, margin cap, targets, pause: row ?? defaults;
 * - weekly loss limit: the row's, else the broker's default (DECISIONS §6: ₹4 L Kotak, ₹3 L
 *   ICICI), never off: a breach trips the breaker like the daily limit (apps/api
 *   `weeklyLossLimitPaiseOf`);
 * - per-trade risk: row's per-trade, default per-trade, row's per-position stop, default
 *   per-position stop, else unlimited;
 * - exposure and leverage caps: the row's (null = off) when there is a row, else the defaults;
 * - first-trade fraction: the row's, else `usableMargin`'s default; order path: row ?? defaults.
 * Pure; never throws.
 */
export function effectiveRiskLimits(input: { readonly row: StoredRiskLimits | null; readonly broker: BrokerName }): EffectiveRiskLimits {
  const { row, broker } = input;
  const d = broker === 'ICICI' ? ICICI_RISK_DEFAULTS : KOTAK_RISK_DEFAULTS;
  const daily = row?.dailyLossLimitPaise ?? d.dailyLossLimitPaise;
  const weekly = row?.weeklyLossLimitPaise ?? d.weeklyLossLimitPaise;
  const maxDrawdownPct = row?.maxDrawdownPct ?? d.maxDrawdownPct;
  return {
    checks: {
      dailyLossLimitPaise: daily,
      weeklyLossLimitPaise: weekly,
      maxDrawdownPct,
      perTradeRiskPaise: row?.perTradeRiskPaise ?? d.perTradeRiskPaise ?? row?.perPositionStopPaise ?? d.perPositionStopPaise ?? Number.MAX_SAFE_INTEGER,
      maxTotalExposurePaise: row ? (row.maxTotalExposurePaise ?? undefined) : d.maxTotalExposurePaise,
      maxPositionExposurePaise: row ? (row.maxPositionExposurePaise ?? undefined) : d.maxPositionExposurePaise,
      maxLeverage: row ? (row.maxLeverage ?? undefined) : d.maxLeverage,
      weeklyProfitTargetPaise: row?.weeklyProfitTargetPaise ?? d.weeklyProfitTargetPaise,
      monthlyProfitTargetPaise: row?.monthlyProfitTargetPaise ?? d.monthlyProfitTargetPaise,
      pauseOnTarget: row?.pauseOnProfitTarget ?? d.pauseOnProfitTarget,
    },
    loss: { dailyLossLimitPaise: daily, weeklyLossLimitPaise: weekly, maxDrawdownPct },
    margin: { maxMarginUsagePct: row?.maxMarginUsagePct ?? d.maxMarginUsagePct, firstTradeFraction: row?.firstTradeFraction },
    orderPath: row ? { requiresApproval: row.requiresApproval, minDaysToExpiryOptions: row.minDaysToExpiryOptions, minDaysToExpiryFutures: row.minDaysToExpiryFutures } : orderPathDefaultsFor(broker),
    perPositionStopPaise: row ? row.perPositionStopPaise : (d.perPositionStopPaise ?? null),
  };
}
