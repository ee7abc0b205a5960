import { isReducingOrder } from '../orders/risk-checked-order';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

/**
 * A tripped circuit breaker blocks new risk (CIRCUIT_BREAKER_TRIPPED) until a person
 * resets it. Reducing orders pass: closing positions is what the breaker itself does.
 */
export const circuitBreakerRiskCheck: RiskCheck = (intent, ctx) => {
  if (!ctx.breakerTripped || isReducingOrder(intent)) return RISK_OK;
  return riskDenied('CIRCUIT_BREAKER_TRIPPED', 'the circuit breaker is tripped: only reducing orders are allowed', {
    accountId: ctx.account.accountId,
    purpose: intent.purpose,
  });
};
