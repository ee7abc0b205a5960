import { DomainError } from '../errors/domain-error';
import { lotSizeRiskCheck } from './lot-size.risk-check';
import { buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('lotSizeRiskCheck', () => {
  it('passes whole lots', () => {
    expect(lotSizeRiskCheck(buildRiskCheckedOrder({ quantity: 65 * 27 }), buildRiskContext()).ok).toBe(true);
  });

  it.each([64, 66, 75, 1])('denies %p units with a lot of 65', (quantity) => {
    expect(lotSizeRiskCheck(buildRiskCheckedOrder({ quantity }), buildRiskContext())).toMatchObject({
      ok: false,
      code: 'INVALID_LOT_MULTIPLE',
      context: { quantity, lotSize: 65 },
    });
  });

  it('uses the lot size in force (75 before 2026)', () => {
    expect(lotSizeRiskCheck(buildRiskCheckedOrder({ quantity: 75 }), buildRiskContext({ instrument: { lotSize: 75 } })).ok).toBe(true);
  });

  it('throws for a lot size that is not a whole number ≥ 1', () => {
    expect(() => lotSizeRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ instrument: { lotSize: 0 } }))).toThrow(DomainError);
  });
});
