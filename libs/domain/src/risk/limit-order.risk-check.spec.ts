import { limitOrderRiskCheck } from './limit-order.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('limitOrderRiskCheck', () => {
  it('denies a market order that reached the checks unconverted', () => {
    const r = limitOrderRiskCheck(buildRiskCheckedOrder({ orderType: 'MARKET', limitPrice: undefined }), buildRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'NOT_A_LIMIT_ORDER', context: { orderType: 'MARKET' } });
  });

  it('denies a market exit as well', () => {
    expect(limitOrderRiskCheck(buildExitOrder({ orderType: 'MARKET' }), buildRiskContext()).ok).toBe(false);
  });

  it.each([undefined, 0, -1, Number.NaN])('denies a limit order priced %p', (limitPrice) => {
    expect(limitOrderRiskCheck(buildRiskCheckedOrder({ limitPrice }), buildRiskContext())).toMatchObject({ ok: false, code: 'NOT_A_LIMIT_ORDER' });
  });

  it('passes a priced limit order', () => {
    expect(limitOrderRiskCheck(buildRiskCheckedOrder(), buildRiskContext()).ok).toBe(true);
  });
});
