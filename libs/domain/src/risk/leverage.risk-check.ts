import { DomainError } from '../errors/domain-error';
import { assertPaise } from '../money/paise';
import { assertPositive } from '../validation/assert';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * Open notional plus this order's, divided by the allocated capital, must not exceed
 * `maxLeverage` (5× on ICICI): LEVERAGE_EXCEEDED when above (exactly 5× passes). Not
 * enforced when `maxLeverage` is undefined; reducing orders pass. Throws INVALID_ARGUMENT
 * for amounts that are not whole paise, capital ≤ 0 or leverage ≤ 0.
 */
export const leverageRiskCheck: RiskCheck = (intent, ctx) => {
  const max = ctx.limits.maxLeverage;
  if (max === undefined || isReducingOrder(intent)) return RISK_OK;
  const capital = ctx.account.allocatedCapitalPaise;
  const after = ctx.exposure.totalPaise + intent.estimatedExposurePaise;
  assertPositive('maxLeverage', max);
  assertPaise('allocatedCapitalPaise', capital);
  assertPaise('exposure after order', after);
  if (capital <= 0) throw new DomainError('INVALID_ARGUMENT', `allocated capital must be > 0 paise, got ${capital}`);
  // Both sides are exact integers for whole-number leverage, so the boundary is exact.
  if (after <= max * capital) return RISK_OK;
  return riskDenied('LEVERAGE_EXCEEDED', `leverage would be ${(after / capital).toFixed(2)}×, max ${max}×`, {
    exposureAfterPaise: after,
    allocatedCapitalPaise: capital,
    maxLeverage: max,
  });
};
