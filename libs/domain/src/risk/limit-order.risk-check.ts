import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * Only LIMIT orders with a positive finite price reach the broker: exchanges reject algo
 * market orders (DECISIONS §3). A MARKET order must first be converted with
 * `protectedLimitPrice`; one that arrives unconverted, or a LIMIT without a usable price,
 * is denied NOT_A_LIMIT_ORDER.
 */
export const limitOrderRiskCheck: RiskCheck = (intent) => {
  if (intent.orderType !== 'LIMIT') {
    return riskDenied('NOT_A_LIMIT_ORDER', 'market orders are not sent: convert to a protected limit first', { orderType: intent.orderType });
  }
  const p = intent.limitPrice;
  if (typeof p === 'number' && Number.isFinite(p) && p > 0) return RISK_OK;
  return riskDenied('NOT_A_LIMIT_ORDER', `a limit order needs a price > 0, got ${String(p)}`, { orderType: 'LIMIT', limitPrice: String(p) });
};
