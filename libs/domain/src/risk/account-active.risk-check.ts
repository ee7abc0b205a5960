import { DomainError } from '../errors/domain-error';
import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * An inactive (deactivated) account takes no new risk: ACCOUNT_INACTIVE for any
 * non-reducing order. Reducing orders pass, because a breaker deactivates the account
 * while its positions are still being closed. Throws INVALID_ARGUMENT when the context
 * belongs to another account or broker than the order (a wiring bug, not a denial).
 */
export const accountActiveRiskCheck: RiskCheck = (intent, ctx) => {
  if (intent.accountId !== ctx.account.accountId || intent.broker !== ctx.account.broker) {
    throw new DomainError('INVALID_ARGUMENT', `risk context is for account ${ctx.account.accountId}/${ctx.account.broker}, intent for ${intent.accountId}/${intent.broker}`);
  }
  if (ctx.account.active || isReducingOrder(intent)) return RISK_OK;
  return riskDenied('ACCOUNT_INACTIVE', `account ${ctx.account.accountId} is inactive: only reducing orders are allowed`, {
    accountId: ctx.account.accountId,
    purpose: intent.purpose,
  });
};
