import { circuitBreakerRiskCheck } from './circuit-breaker.risk-check';
import { buildExitIntent, buildOrderIntent, buildRiskContext } from './testing/risk.builders';

describe('circuitBreakerRiskCheck', () => {
  const tripped = buildRiskContext({ breakerTripped: true });

  it('denies an entry while the breaker is tripped', () => {
    expect(circuitBreakerRiskCheck(buildOrderIntent(), tripped)).toMatchObject({ ok: false, code: 'CIRCUIT_BREAKER_TRIPPED' });
  });

  it('denies a non-reducing adjustment while the breaker is tripped', () => {
    expect(circuitBreakerRiskCheck(buildOrderIntent({ purpose: 'ADJUST' }), tripped).ok).toBe(false);
  });

  it('lets the exits the breaker itself asks for go out', () => {
    expect(circuitBreakerRiskCheck(buildExitIntent(), tripped).ok).toBe(true);
  });

  it('passes when the breaker is not tripped', () => {
    expect(circuitBreakerRiskCheck(buildOrderIntent(), buildRiskContext()).ok).toBe(true);
  });
});
