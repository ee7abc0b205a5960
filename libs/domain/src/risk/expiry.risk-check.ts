import { assertFinite } from '../validation/assert';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * No new risk in a contract too close to expiry (gamma risk): EXPIRY_TOO_NEAR when
 * `daysToExpiry < minDaysToExpiry` (1 day for strangles, 15 for futures), for any
 * non-reducing order. Exits pass. The caller computes both numbers from the calendar.
 * Throws INVALID_ARGUMENT for non-finite values.
 */
export const expiryRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  const { daysToExpiry, minDaysToExpiry } = ctx.expiry;
  assertFinite('daysToExpiry', daysToExpiry);
  assertFinite('minDaysToExpiry', minDaysToExpiry);
  if (daysToExpiry >= minDaysToExpiry) return RISK_OK;
  return riskDenied('EXPIRY_TOO_NEAR', `${daysToExpiry} days to expiry ${intent.instrument.expiry}, minimum ${minDaysToExpiry}`, {
    expiry: intent.instrument.expiry,
    daysToExpiry,
    minDaysToExpiry,
  });
};
