import { orderQuantityRiskCheck } from './order-quantity.risk-check';
import { buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('orderQuantityRiskCheck', () => {
  it.each([0, -65, 64.5, Number.NaN, Number.POSITIVE_INFINITY])('denies a quantity of %p', (quantity) => {
    expect(orderQuantityRiskCheck(buildRiskCheckedOrder({ quantity }), buildRiskContext())).toMatchObject({ ok: false, code: 'INVALID_QUANTITY' });
  });

  it('passes a whole number of units', () => {
    expect(orderQuantityRiskCheck(buildRiskCheckedOrder({ quantity: 1 }), buildRiskContext()).ok).toBe(true);
  });
});
