import type { Paise } from '../money/paise';
import type { EffectiveRiskLimits } from './effective-risk-limits';
import type { RiskPnlFacts } from './risk-context';

/** Why a breaker trips. */
export type BreakerReasonCode = 'DAILY_LOSS_LIMIT_BREACHED' | 'WEEKLY_LOSS_LIMIT_BREACHED' | 'MAX_DRAWDOWN_BREACHED';

/** What {@link breakerVerdict} decided, with the figures it compared. */
export interface BreakerVerdict {
  readonly trip: boolean;
  readonly reasonCode?: BreakerReasonCode;
  readonly reason: string;
  readonly context: {
    readonly todayPnlPaise: Paise;
    readonly weekPnlPaise: Paise;
    readonly dailyLimitPaise: Paise;
    readonly weeklyLimitPaise: Paise;
    /** Fraction of the equity peak (0.15 = 15%). */
    readonly drawdown: number;
  };
}

/**
 * The circuit-breaker rule (DECISIONS §1 "Max drawdown", §6 "Weekly loss limit"): trip when
 * today's loss is beyond the daily limit, else when this week's loss is beyond the weekly limit
 * (never off: a missing one is the default of `effectiveRiskLimits`), else when the drawdown
 * from the equity peak is beyond `maxDrawdownPct`. A loss exactly at a limit does not trip; the first breached rule in that order names the
 * trip. P&L facts are `riskPnlFacts`' (the active position's open P&L included). The drawdown
 * is compared as a fraction (peak − equity) / peak, as the API's breaker does today. What a
 * trip does (record it, deactivate the account, close positions, alert) is the caller's.
 * Pure; never throws.
 */
export function breakerVerdict(input: { readonly pnl: RiskPnlFacts; readonly limits: EffectiveRiskLimits['loss'] }): BreakerVerdict {
  const { pnl, limits } = input;
  const drawdown = pnl.equityPeakPaise > 0 ? (pnl.equityPeakPaise - pnl.equityPaise) / pnl.equityPeakPaise : 0;
  const context = { todayPnlPaise: pnl.todayPaise, weekPnlPaise: pnl.weekPaise, dailyLimitPaise: limits.dailyLossLimitPaise, weeklyLimitPaise: limits.weeklyLossLimitPaise, drawdown };
  if (-pnl.todayPaise > limits.dailyLossLimitPaise) {
    return { trip: true, reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', reason: `today's loss ${-pnl.todayPaise} paise is beyond the daily limit ${limits.dailyLossLimitPaise} paise`, context };
  }
  if (-pnl.weekPaise > limits.weeklyLossLimitPaise) {
    return { trip: true, reasonCode: 'WEEKLY_LOSS_LIMIT_BREACHED', reason: `this week's loss ${-pnl.weekPaise} paise is beyond the weekly limit ${limits.weeklyLossLimitPaise} paise`, context };
  }
  if (drawdown > limits.maxDrawdownPct) {
    return { trip: true, reasonCode: 'MAX_DRAWDOWN_BREACHED', reason: `drawdown ${(drawdown * 100).toFixed(2)}% from the equity peak is beyond ${limits.maxDrawdownPct * 100}%`, context };
  }
  return { trip: false, reason: 'every loss limit holds', context };
}
