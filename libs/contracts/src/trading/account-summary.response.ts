import type { TradingStateFields } from './trading-state.response';

/** P&L of one period in paise: realised (closed trades, net of charges) + unrealised (open legs at the last mark). */
export interface PeriodPnl {
  realizedPaise: number;
  unrealizedPaise: number;
  /** realized + unrealized. */
  netPaise: number;
}

/**
 * GET /api/accounts/summary: one per trading account, everything the dashboard card shows.
 * Amounts are paise (integers); times UTC epoch ms.
 */
export interface AccountSummaryResponse extends TradingStateFields {
  accountId: number;
  broker: 'KOTAK' | 'ICICI';
  name: string;
  isPaperTrading: boolean;
  isActive: boolean;
  allocatedCapitalPaise: number;
  margin: { availablePaise: number; usedPaise: number; asOfMs: number } | null;
  pnl: { today: PeriodPnl; week: PeriodPnl; month: PeriodPnl };
  /** Limits and targets from the account's risk limits (null when not set). */
  limits: {
    dailyLossLimitPaise: number | null;
    weeklyLossLimitPaise: number | null;
    monthlyProfitTargetPaise: number | null;
    weeklyProfitTargetPaise: number | null;
  };
  /** The tripped breaker, if any. */
  breaker: { tripped: boolean; reason: string | null; trippedAtMs: number | null };
  activePositionId: number | null;
  /** Net delta of the active position (units × delta), null without one or without greeks. */
  netDelta: number | null;
  deltaThreshold: number;
  asOfMs: number;
}
