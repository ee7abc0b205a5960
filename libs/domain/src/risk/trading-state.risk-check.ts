import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * The kill switch and the reconciliation gate (the rest of the model: `accountActiveRiskCheck`,
 * `circuitBreakerRiskCheck`, together `accountStateDenial`). HALTED denies every order
 * (TRADING_HALTED). A reducing order passes everything else. New risk is denied under the kill
 * switch's REDUCING (REDUCING_ONLY) and while the account is not reconciled (NOT_RECONCILED);
 * an EXIT that reduces nothing is never an exit (EXIT_NOT_REDUCING), in any state.
 */
export const tradingStateRiskCheck: RiskCheck = (intent, ctx) => {
  if (ctx.tradingState === 'HALTED') return riskDenied('TRADING_HALTED', 'trading is halted: only cancels are allowed', { tradingState: 'HALTED', purpose: intent.purpose });
  if (isReducingOrder(intent)) return RISK_OK;
  if (ctx.tradingState === 'REDUCING') {
    return riskDenied('REDUCING_ONLY', 'trading is reducing-only: this order does not reduce a position', {
      tradingState: ctx.tradingState,
      purpose: intent.purpose,
      reducesPosition: intent.reducesPosition,
    });
  }
  const reconciliation = ctx.reconciliation ?? 'RECONCILED';
  if (reconciliation !== 'RECONCILED') {
    return riskDenied('NOT_RECONCILED', `the account is not reconciled with its broker (${reconciliation}): only orders that reduce a position the broker confirms are allowed`, {
      reconciliation,
      purpose: intent.purpose,
      reducesPosition: intent.reducesPosition,
    });
  }
  if (intent.purpose === 'EXIT') return riskDenied('EXIT_NOT_REDUCING', 'this EXIT does not reduce an open position (wrong side, more than is open or already being closed, or no position)', { purpose: 'EXIT' });
  return RISK_OK;
};
