import { assertPaise } from '../money/paise';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * Reaching the period's profit target pauses new entries until the period ends
 * (DECISIONS §1): PROFIT_TARGET_REACHED for an ENTRY when `pauseOnTarget` is on and the
 * week's P&L ≥ the weekly target or the month's ≥ the monthly target. Only entries
 * are paused; exits, averaging and adjustments pass. Throws INVALID_ARGUMENT for
 * amounts that are not whole paise.
 */
export const profitTargetRiskCheck: RiskCheck = (intent, ctx) => {
  if (intent.purpose !== 'ENTRY' || !ctx.limits.pauseOnTarget) return RISK_OK;
  const { weeklyProfitTargetPaise: weekly, monthlyProfitTargetPaise: monthly } = ctx.limits;
  const { weekPaise, monthPaise } = ctx.pnl;
  assertPaise('weeklyProfitTargetPaise', weekly);
  assertPaise('monthlyProfitTargetPaise', monthly);
  assertPaise('pnl.weekPaise', weekPaise);
  assertPaise('pnl.monthPaise', monthPaise);
  if (weekPaise >= weekly) {
    return riskDenied('PROFIT_TARGET_REACHED', 'the weekly profit target is reached: entries pause until next week', {
      period: 'WEEK',
      pnlPaise: weekPaise,
      targetPaise: weekly,
    });
  }
  if (monthPaise >= monthly) {
    return riskDenied('PROFIT_TARGET_REACHED', 'the monthly profit target is reached: entries pause until next month', {
      period: 'MONTH',
      pnlPaise: monthPaise,
      targetPaise: monthly,
    });
  }
  return RISK_OK;
};
