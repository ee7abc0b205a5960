import { assertPaise } from '../money/paise';
import { assertNonNegative } from '../validation/assert';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * No new risk once today's loss is beyond the daily loss limit:
 * DAILY_LOSS_LIMIT_BREACHED when −todayPnL > limit (a loss exactly at the limit still
 * passes; one paisa more is a breach). Reducing orders always pass: an exit must go out
 * precisely when losses are large. Throws INVALID_ARGUMENT for amounts that are not whole
 * paise or a negative limit.
 */
export const dailyLossRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  const limit = ctx.limits.dailyLossLimitPaise;
  const pnl = ctx.pnl.todayPaise;
  assertPaise('dailyLossLimitPaise', limit);
  assertNonNegative('dailyLossLimitPaise', limit);
  assertPaise('pnl.todayPaise', pnl);
  if (-pnl <= limit) return RISK_OK;
  return riskDenied('DAILY_LOSS_LIMIT_BREACHED', `today's loss ${-pnl} paise is beyond the daily limit ${limit} paise`, {
    lossPaise: -pnl,
    limitPaise: limit,
  });
};
