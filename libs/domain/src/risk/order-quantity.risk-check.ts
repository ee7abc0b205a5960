import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/** The quantity must be a whole number of units ≥ 1 (INVALID_QUANTITY otherwise, NaN included). */
export const orderQuantityRiskCheck: RiskCheck = (intent) => {
  if (Number.isSafeInteger(intent.quantity) && intent.quantity >= 1) return RISK_OK;
  return riskDenied('INVALID_QUANTITY', `quantity must be a whole number of units ≥ 1, got ${intent.quantity}`, {
    quantity: String(intent.quantity),
  });
};
