import { DomainError } from '../errors/domain-error';
import { freezeQuantityRiskCheck } from './freeze-quantity.risk-check';
import { buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('freezeQuantityRiskCheck', () => {
  it('passes an intent above the freeze quantity: the gateway slices it into ≤ 1800-unit children', () => {
    expect(freezeQuantityRiskCheck(buildRiskCheckedOrder({ quantity: 65 * 60 }), buildRiskContext()).ok).toBe(true);
  });

  it('passes an intent exactly one slice large', () => {
    expect(freezeQuantityRiskCheck(buildRiskCheckedOrder({ quantity: 1755 }), buildRiskContext()).ok).toBe(true);
  });

  it('denies when not even one lot fits under the freeze quantity', () => {
    const ctx = buildRiskContext({ instrument: { lotSize: 65, freezeQuantity: 50 } });
    expect(freezeQuantityRiskCheck(buildRiskCheckedOrder({ quantity: 65 }), ctx)).toMatchObject({
      ok: false,
      code: 'INVALID_QUANTITY',
      context: { lotSize: 65, freezeQuantity: 50 },
    });
  });

  it('throws for a freeze quantity that is not a whole number ≥ 1', () => {
    expect(() => freezeQuantityRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ instrument: { freezeQuantity: 0 } }))).toThrow(DomainError);
  });
});
