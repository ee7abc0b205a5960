import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * The ONE POSITION rule:
 * - an ENTRY is denied ACTIVE_POSITION_EXISTS while the account has an active position, unless
 *   the order is another leg of that same position (its `positionId` equals
 *   `ctx.activePositionId`, e.g. the put leg after the call leg of a strangle);
 * - an AVERAGE or ADJUST that adds risk (not reducing) acts on a position, so it must name the
 *   account's ACTIVE one: otherwise POSITION_NOT_ACTIVE. Without this a non-reducing ADJUST
 *   with no position open would be new risk that skipped the entry-shape and one-position rules.
 * Reducing orders and EXITs pass (a non-reducing EXIT is refused by the trading-state rule).
 */
export const onePositionRiskCheck: RiskCheck = (intent, ctx) => {
  if ((intent.purpose === 'AVERAGE' || intent.purpose === 'ADJUST') && !isReducingOrder(intent)) {
    if (ctx.activePositionExists && intent.positionId !== undefined && intent.positionId === ctx.activePositionId) return RISK_OK;
    return riskDenied('POSITION_NOT_ACTIVE', `a non-reducing ${intent.purpose} must name the active position of account ${ctx.account.accountId}`, {
      accountId: ctx.account.accountId,
      purpose: intent.purpose,
      positionId: intent.positionId ?? '',
      activePositionId: ctx.activePositionId ?? '',
    });
  }
  if (intent.purpose !== 'ENTRY' || !ctx.activePositionExists) return RISK_OK;
  if (intent.positionId !== undefined && intent.positionId === ctx.activePositionId) return RISK_OK;
  return riskDenied('ACTIVE_POSITION_EXISTS', `account ${ctx.account.accountId} already has an active position`, {
    accountId: ctx.account.accountId,
    activePositionId: ctx.activePositionId ?? '',
  });
};
