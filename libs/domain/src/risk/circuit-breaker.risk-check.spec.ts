import { circuitBreakerRiskCheck } from './circuit-breaker.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('circuitBreakerRiskCheck', () => {
  const tripped = buildRiskContext({ breakerTripped: true });

  it('denies an entry while the breaker is tripped', () => {
    expect(circuitBreakerRiskCheck(buildRiskCheckedOrder(), tripped)).toMatchObject({ ok: false, code: 'CIRCUIT_BREAKER_TRIPPED' });
  });

  it('denies a non-reducing adjustment while the breaker is tripped', () => {
    expect(circuitBreakerRiskCheck(buildRiskCheckedOrder({ purpose: 'ADJUST' }), tripped).ok).toBe(false);
  });

  it('lets the exits the breaker itself asks for go out', () => {
    expect(circuitBreakerRiskCheck(buildExitOrder(), tripped).ok).toBe(true);
  });

  it('passes when the breaker is not tripped', () => {
    expect(circuitBreakerRiskCheck(buildRiskCheckedOrder(), buildRiskContext()).ok).toBe(true);
  });
});
