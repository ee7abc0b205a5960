import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * The ONE POSITION rule: an ENTRY is denied ACTIVE_POSITION_EXISTS while the account has
 * an active position, unless the intent is another leg of that same position (its
 * `positionId` equals `ctx.activePositionId`, e.g. the put leg after the call leg of a
 * strangle). Other purposes act on the existing position and pass.
 */
export const onePositionRiskCheck: RiskCheck = (intent, ctx) => {
  if (intent.purpose !== 'ENTRY' || !ctx.activePositionExists) return RISK_OK;
  if (intent.positionId !== undefined && intent.positionId === ctx.activePositionId) return RISK_OK;
  return riskDenied('ACTIVE_POSITION_EXISTS', `account ${ctx.account.accountId} already has an active position`, {
    accountId: ctx.account.accountId,
    activePositionId: ctx.activePositionId ?? '',
  });
};
