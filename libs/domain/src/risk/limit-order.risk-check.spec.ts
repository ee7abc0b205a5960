import { limitOrderRiskCheck } from './limit-order.risk-check';
import { buildExitIntent, buildOrderIntent, buildRiskContext } from './testing/risk.builders';

describe('limitOrderRiskCheck', () => {
  it('denies a market order that reached the checks unconverted', () => {
    const r = limitOrderRiskCheck(buildOrderIntent({ orderType: 'MARKET', limitPrice: undefined }), buildRiskContext());
    expect(r).toMatchObject({ ok: false, code: 'NOT_A_LIMIT_ORDER', context: { orderType: 'MARKET' } });
  });

  it('denies a market exit as well', () => {
    expect(limitOrderRiskCheck(buildExitIntent({ orderType: 'MARKET' }), buildRiskContext()).ok).toBe(false);
  });

  it.each([undefined, 0, -1, Number.NaN])('denies a limit order priced %p', (limitPrice) => {
    expect(limitOrderRiskCheck(buildOrderIntent({ limitPrice }), buildRiskContext())).toMatchObject({ ok: false, code: 'NOT_A_LIMIT_ORDER' });
  });

  it('passes a priced limit order', () => {
    expect(limitOrderRiskCheck(buildOrderIntent(), buildRiskContext()).ok).toBe(true);
  });
});
