import { assertPaise } from '../money/paise';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * The loss to the stop of a non-reducing order must not exceed the per-trade risk
 * (₹60,000 on ICICI): PER_TRADE_RISK_EXCEEDED when `estimatedRiskPaise` > limit (equal
 * passes). Reducing orders pass. Throws INVALID_ARGUMENT for amounts that are not whole paise.
 */
export const perTradeRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  const risk = intent.estimatedRiskPaise;
  const limit = ctx.limits.perTradeRiskPaise;
  assertPaise('estimatedRiskPaise', risk);
  assertPaise('perTradeRiskPaise', limit);
  if (risk <= limit) return RISK_OK;
  return riskDenied('PER_TRADE_RISK_EXCEEDED', `risk ${risk} paise exceeds the per-trade limit ${limit} paise`, {
    riskPaise: risk,
    limitPaise: limit,
  });
};
