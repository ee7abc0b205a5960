/** GET/PUT /api/accounts/:id/risk-limits: the stored limits. Fractions are 0..1 (0.40 = 40%); amounts paise; a null limit is off. */
export interface RiskLimitsResponse {
  id: number;
  accountId: number;
  maxMarginUsagePct: number;
  firstTradeFraction: number;
  maxConcurrentPositions: number;
  perPositionStopPaise: number | null;
  perTradeRiskPaise: number | null;
  dailyLossLimitPaise: number;
  weeklyLossLimitPaise: number | null;
  weeklyProfitTargetPaise: number;
  monthlyProfitTargetPaise: number;
  pauseOnProfitTarget: boolean;
  maxDrawdownPct: number;
  maxLeverage: number | null;
  maxTotalExposurePaise: number | null;
  maxPositionExposurePaise: number | null;
  requiresApproval: boolean;
  minDaysToExpiryOptions: number;
  minDaysToExpiryFutures: number;
  version: number;
  updatedAt: string;
}

export const BREAKER_SCOPES = ['ACCOUNT', 'SYSTEM'] as const;
export type BreakerScope = (typeof BREAKER_SCOPES)[number];

/** GET /api/risk/breakers item and POST /api/risk/breakers/:id/reset: one trip of the circuit breaker, open until reset. */
export interface CircuitBreakerResponse {
  id: number;
  /** Null for a system-wide trip. */
  accountId: number | null;
  scope: BreakerScope;
  /** MAX_DRAWDOWN_BREACHED, DAILY_LOSS_LIMIT_BREACHED, WEEKLY_LOSS_LIMIT_BREACHED, MANUAL… */
  reasonCode: string;
  reason: string;
  context: Record<string, unknown> | null;
  trippedAt: string;
  resetBy: string | null;
  resetAt: string | null;
  resetNote: string | null;
}
