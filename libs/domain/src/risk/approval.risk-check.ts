import { assertFinite, assertNonNegative } from '../validation/assert';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * On an account that requires it (ICICI), ENTRY and AVERAGE orders need a person's
 * approval: APPROVAL_REQUIRED when it is missing, names no one, or is older than
 * `limits.approvalMaxAgeMs` (when set). EXIT and ADJUST never wait for a person.
 * Throws INVALID_ARGUMENT for a non-finite `nowMs`, approval time or negative max age.
 */
export const approvalRiskCheck: RiskCheck = (intent, ctx) => {
  if (!ctx.account.requiresApproval || isReducingOrder(intent)) return RISK_OK;
  if (intent.purpose !== 'ENTRY' && intent.purpose !== 'AVERAGE') return RISK_OK;
  const approval = intent.approval;
  if (!approval || !approval.approvedBy) {
    return riskDenied('APPROVAL_REQUIRED', `${intent.purpose} orders on account ${ctx.account.accountId} need a person's approval`, {
      accountId: ctx.account.accountId,
      purpose: intent.purpose,
    });
  }
  const maxAge = ctx.limits.approvalMaxAgeMs;
  if (maxAge === undefined) return RISK_OK;
  assertNonNegative('approvalMaxAgeMs', maxAge);
  assertFinite('nowMs', ctx.nowMs);
  assertFinite('approvedAt', approval.approvedAt);
  const ageMs = ctx.nowMs - approval.approvedAt;
  if (ageMs <= maxAge) return RISK_OK;
  return riskDenied('APPROVAL_REQUIRED', `the approval by ${approval.approvedBy} is stale (${ageMs} ms old, max ${maxAge} ms)`, {
    approvedBy: approval.approvedBy,
    ageMs,
    approvalMaxAgeMs: maxAge,
  });
};
