import type { CircuitBreakerResponse, RiskLimitsResponse } from '@mcube/contracts';
import { instantJson, instantJsonOrNull } from '../../common/contracts/instant-json';
import type { CircuitBreaker } from './entities/circuit-breaker.entity';
import type { RiskLimitsView } from './risk-limits/risk-limits.service';

/** One breaker trip as REST shows it (no account relation). */
export function circuitBreakerResponseOf(b: CircuitBreaker): CircuitBreakerResponse {
  return {
    id: b.id,
    accountId: b.accountId,
    scope: b.scope,
    reasonCode: b.reasonCode,
    reason: b.reason,
    context: b.context,
    trippedAt: instantJson(b.trippedAt),
    resetBy: b.resetBy,
    resetAt: instantJsonOrNull(b.resetAt),
    resetNote: b.resetNote,
  };
}

/** An account's stored limits as REST shows them. */
export function riskLimitsResponseOf(r: RiskLimitsView): RiskLimitsResponse {
  return {
    id: r.id,
    accountId: r.accountId,
    maxMarginUsagePct: r.maxMarginUsagePct,
    firstTradeFraction: r.firstTradeFraction,
    maxConcurrentPositions: r.maxConcurrentPositions,
    perPositionStopPaise: r.perPositionStopPaise,
    perTradeRiskPaise: r.perTradeRiskPaise,
    dailyLossLimitPaise: r.dailyLossLimitPaise,
    weeklyLossLimitPaise: r.weeklyLossLimitPaise,
    weeklyProfitTargetPaise: r.weeklyProfitTargetPaise,
    monthlyProfitTargetPaise: r.monthlyProfitTargetPaise,
    pauseOnProfitTarget: r.pauseOnProfitTarget,
    maxDrawdownPct: r.maxDrawdownPct,
    maxLeverage: r.maxLeverage,
    maxTotalExposurePaise: r.maxTotalExposurePaise,
    maxPositionExposurePaise: r.maxPositionExposurePaise,
    requiresApproval: r.requiresApproval,
    minDaysToExpiryOptions: r.minDaysToExpiryOptions,
    minDaysToExpiryFutures: r.minDaysToExpiryFutures,
    version: r.version,
    updatedAt: instantJson(r.updatedAt),
  };
}
