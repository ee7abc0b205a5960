import { assertInteger } from '../validation/assert';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * Freeze quantity: the exchange refuses a single order above it (1,800 units for NIFTY).
 * The gateway slices an order into children of whole lots, each ≤ the freeze quantity,
 * before sending (`sliceQuantity` in instruments), so an order above the freeze quantity
 * is valid. What must hold is that such slices exist: at least one whole lot fits under
 * the freeze quantity. When it does not, the order is denied INVALID_QUANTITY.
 * (The lot multiple itself is `lotSizeRiskCheck`.) Throws INVALID_ARGUMENT for a lot size
 * or freeze quantity that is not a whole number ≥ 1.
 */
export const freezeQuantityRiskCheck: RiskCheck = (intent, ctx) => {
  const { lotSize, freezeQuantity } = ctx.instrument;
  assertInteger('lotSize', lotSize, { min: 1 });
  assertInteger('freezeQuantity', freezeQuantity, { min: 1 });
  if (lotSize <= freezeQuantity) return RISK_OK;
  return riskDenied('INVALID_QUANTITY', `no slice of whole lots fits: lot size ${lotSize} > freeze quantity ${freezeQuantity}`, {
    quantity: intent.quantity,
    lotSize,
    freezeQuantity,
  });
};
