import { DomainError } from '../errors/domain-error';
import { buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';
import { tickSizeRiskCheck } from './tick-size.risk-check';

describe('tickSizeRiskCheck', () => {
  it.each([0.05, 0.1, 120.5, 123.45, 0.3, 24999.95])('passes %p on a ₹0.05 grid', (limitPrice) => {
    expect(tickSizeRiskCheck(buildRiskCheckedOrder({ limitPrice }), buildRiskContext()).ok).toBe(true);
  });

  it.each([120.51, 120.04, 0.07, 100.001])('denies %p on a ₹0.05 grid', (limitPrice) => {
    expect(tickSizeRiskCheck(buildRiskCheckedOrder({ limitPrice }), buildRiskContext())).toMatchObject({
      ok: false,
      code: 'PRICE_NOT_ON_TICK',
      context: { limitPrice, tickSize: 0.05 },
    });
  });

  it('uses the instrument tick', () => {
    const ctx = buildRiskContext({ instrument: { tickSize: 0.1 } });
    expect(tickSizeRiskCheck(buildRiskCheckedOrder({ limitPrice: 2900.05 }), ctx).ok).toBe(false);
    expect(tickSizeRiskCheck(buildRiskCheckedOrder({ limitPrice: 2900.1 }), ctx).ok).toBe(true);
  });

  it('leaves an unpriced intent to the limit-order check', () => {
    expect(tickSizeRiskCheck(buildRiskCheckedOrder({ limitPrice: undefined }), buildRiskContext()).ok).toBe(true);
  });

  it('throws for a tick that is not whole paise', () => {
    expect(() => tickSizeRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ instrument: { tickSize: 0.005 } }))).toThrow(DomainError);
    expect(() => tickSizeRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ instrument: { tickSize: Number.NaN } }))).toThrow(DomainError);
  });
});
