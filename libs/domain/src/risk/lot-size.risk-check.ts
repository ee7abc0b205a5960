import { assertInteger } from '../validation/assert';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * The quantity (units) must be a whole number of lots: INVALID_LOT_MULTIPLE otherwise.
 * Throws INVALID_ARGUMENT when the context's lot size is not a whole number ≥ 1.
 */
export const lotSizeRiskCheck: RiskCheck = (intent, ctx) => {
  const lotSize = ctx.instrument.lotSize;
  assertInteger('lotSize', lotSize, { min: 1 });
  if (intent.quantity % lotSize === 0) return RISK_OK;
  return riskDenied('INVALID_LOT_MULTIPLE', `quantity ${intent.quantity} is not a multiple of the lot size ${lotSize}`, {
    quantity: intent.quantity,
    lotSize,
  });
};
