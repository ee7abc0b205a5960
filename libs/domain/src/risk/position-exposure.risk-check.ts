import { assertPaise } from '../money/paise';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * The position this order opens or adds to must stay within `maxPositionExposurePaise`
 * (₹1.5 Cr on ICICI): POSITION_EXPOSURE_EXCEEDED when `exposure.positionPaise` + the
 * order's notional is above it (equal passes); this catches averaging that grows a
 * position past the cap. Not enforced when the cap is undefined; reducing orders pass.
 * Throws INVALID_ARGUMENT for amounts that are not whole paise.
 */
export const positionExposureRiskCheck: RiskCheck = (intent, ctx) => {
  const cap = ctx.limits.maxPositionExposurePaise;
  if (cap === undefined || isReducingOrder(intent)) return RISK_OK;
  const add = intent.estimatedExposurePaise;
  const held = ctx.exposure.positionPaise;
  assertPaise('maxPositionExposurePaise', cap);
  assertPaise('estimatedExposurePaise', add);
  assertPaise('exposure.positionPaise', held);
  if (held + add <= cap) return RISK_OK;
  return riskDenied('POSITION_EXPOSURE_EXCEEDED', `position exposure would be ${held + add} paise, cap ${cap} paise`, {
    exposureAfterPaise: held + add,
    capPaise: cap,
  });
};
