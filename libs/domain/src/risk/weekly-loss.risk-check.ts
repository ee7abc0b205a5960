import { assertPaise } from '../money/paise';
import { assertNonNegative } from '../validation/assert';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * No new risk once the week's loss is beyond the weekly loss limit:
 * WEEKLY_LOSS_LIMIT_BREACHED when −weekPnL > limit (exactly at the limit passes).
 * Reducing orders always pass. Throws INVALID_ARGUMENT for amounts that are not whole
 * paise or a negative limit.
 */
export const weeklyLossRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  const limit = ctx.limits.weeklyLossLimitPaise;
  const pnl = ctx.pnl.weekPaise;
  assertPaise('weeklyLossLimitPaise', limit);
  assertNonNegative('weeklyLossLimitPaise', limit);
  assertPaise('pnl.weekPaise', pnl);
  if (-pnl <= limit) return RISK_OK;
  return riskDenied('WEEKLY_LOSS_LIMIT_BREACHED', `the week's loss ${-pnl} paise is beyond the weekly limit ${limit} paise`, {
    lossPaise: -pnl,
    limitPaise: limit,
  });
};
