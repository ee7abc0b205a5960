import { assertPaise } from '../money/paise';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * A non-reducing order whose margin the gateway could not compute is refused MARGIN_UNKNOWN
 * (non-action over guessing). It may block at most the usable margin: MARGIN_EXCEEDS_USABLE when its
 * estimated margin > `margins.usablePaise` (exactly equal passes) or > the broker's
 * available margin. `usablePaise` comes from the margin rules (DECISIONS §1: 50% of
 * min(available, 40% of capital) − in use for a first trade; 20/50/50% for averaging).
 * Reducing orders pass. Throws INVALID_ARGUMENT for amounts that are not whole paise.
 */
export const marginRiskCheck: RiskCheck = (intent, ctx) => {
  if (isReducingOrder(intent)) return RISK_OK;
  if (intent.marginUnknownReason !== undefined) return riskDenied('MARGIN_UNKNOWN', `margin of the order cannot be computed: ${intent.marginUnknownReason}`, { reason: intent.marginUnknownReason });
  const need = intent.estimatedMarginPaise;
  const { usablePaise, availablePaise } = ctx.margins;
  assertPaise('estimatedMarginPaise', need);
  assertPaise('margins.usablePaise', usablePaise);
  assertPaise('margins.availablePaise', availablePaise);
  if (need <= usablePaise && need <= availablePaise) return RISK_OK;
  return riskDenied('MARGIN_EXCEEDS_USABLE', `order needs ${need} paise of margin, usable ${usablePaise}, available ${availablePaise}`, {
    requiredPaise: need,
    usablePaise,
    availablePaise,
    inUsePaise: ctx.margins.inUsePaise,
  });
};
