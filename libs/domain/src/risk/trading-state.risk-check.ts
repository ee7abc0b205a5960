import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';
import { tradingStateAllows } from './trading-state';

/**
 * The kill switch. HALTED denies every order (TRADING_HALTED); REDUCING denies any order
 * that does not only reduce a position (REDUCING_ONLY). Applies to exits too.
 */
export const tradingStateRiskCheck: RiskCheck = (intent, ctx) => {
  if (tradingStateAllows(ctx.tradingState, intent)) return RISK_OK;
  return ctx.tradingState === 'HALTED'
    ? riskDenied('TRADING_HALTED', 'trading is halted: only cancels are allowed', { tradingState: 'HALTED', purpose: intent.purpose })
    : riskDenied('REDUCING_ONLY', 'trading is reducing-only: this order does not reduce a position', {
        tradingState: ctx.tradingState,
        purpose: intent.purpose,
        reducesPosition: intent.reducesPosition,
      });
};
