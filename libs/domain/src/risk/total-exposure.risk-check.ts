import { assertPaise } from '../money/paise';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * Open notional plus this order's must stay within `maxTotalExposurePaise` (₹6 Cr on
 * ICICI): TOTAL_EXPOSURE_EXCEEDED when above (equal passes). Not enforced when the cap is
 * undefined; reducing orders pass. Throws INVALID_ARGUMENT for amounts that are not whole paise.
 */
export const totalExposureRiskCheck: RiskCheck = (intent, ctx) => {
  const cap = ctx.limits.maxTotalExposurePaise;
  if (cap === undefined || isReducingOrder(intent)) return RISK_OK;
  const add = intent.estimatedExposurePaise;
  const open = ctx.exposure.totalPaise;
  assertPaise('maxTotalExposurePaise', cap);
  assertPaise('estimatedExposurePaise', add);
  assertPaise('exposure.totalPaise', open);
  if (open + add <= cap) return RISK_OK;
  return riskDenied('TOTAL_EXPOSURE_EXCEEDED', `exposure would be ${open + add} paise, cap ${cap} paise`, {
    exposureAfterPaise: open + add,
    capPaise: cap,
  });
};
