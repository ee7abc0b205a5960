import { DomainError } from '../errors/domain-error';
import { assertPositive } from '../validation/assert';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';
import { paiseOfPrice } from '../money/paise';

// Tolerance for binary noise when turning a decimal rupee price into paise.
const EPS = 1e-6;

/**
 * The limit price must sit on the tick grid (₹0.05 for NIFTY): PRICE_NOT_ON_TICK
 * otherwise. Compared in integer paise, so 123.45 is on a 0.05 grid despite binary
 * floating point. Intents without a price pass here (`limitOrderRiskCheck` denies them).
 * Throws INVALID_ARGUMENT when the tick size is not a positive whole number of paise.
 */
export const tickSizeRiskCheck: RiskCheck = (intent, ctx) => {
  const tick = ctx.instrument.tickSize;
  assertPositive('tickSize', tick);
  const tickPaise = paiseOfPrice(tick);
  if (tickPaise < 1 || Math.abs(tick * 100 - tickPaise) > EPS) {
    throw new DomainError('INVALID_ARGUMENT', `tickSize must be a whole number of paise, got ${tick}`);
  }
  const price = intent.limitPrice;
  if (typeof price !== 'number' || !Number.isFinite(price)) return RISK_OK;
  const pricePaise = paiseOfPrice(price);
  if (Math.abs(price * 100 - pricePaise) <= EPS && pricePaise % tickPaise === 0) return RISK_OK;
  return riskDenied('PRICE_NOT_ON_TICK', `price ${price} is not a multiple of the tick ${tick}`, { limitPrice: price, tickSize: tick });
};
