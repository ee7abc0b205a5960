import { testOrderRiskCheck } from './test-order.risk-check';
import { buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

const NIFTY_SPOT = 24_000;
const testOrder = (over: Parameters<typeof buildRiskCheckedOrder>[0] = {}) =>
  buildRiskCheckedOrder({ purpose: 'TEST_ORDER', side: 'BUY', quantity: 65, limitPrice: 0.05, entryLegs: undefined, underlyingSpot: NIFTY_SPOT, instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-24', strike: 26_400, optionType: 'CE' }, ...over });

describe('testOrderRiskCheck', () => {
  const ctx = buildRiskContext();

  it('passes one lot BUY LIMIT at ₹0.05 of a CE ≥ 10% above spot or a PE ≥ 10% below it', () => {
    expect(testOrderRiskCheck(testOrder(), ctx).ok).toBe(true);
    expect(testOrderRiskCheck(testOrder({ instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-24', strike: 21_600, optionType: 'PE' } }), ctx).ok).toBe(true);
  });

  it.each([
    ['a SELL', { side: 'SELL' as const }, /must be a BUY/],
    ['a price above the tick', { limitPrice: 0.1 }, /LIMIT at the minimum tick ₹0.05/],
    ['a MARKET order', { orderType: 'MARKET' as const }, /LIMIT at the minimum tick/],
    ['two lots', { quantity: 130 }, /exactly one lot \(65 units\)/],
    ['a future', { instrument: { underlying: 'NIFTY', kind: 'FUT' as const, expiry: '2026-03-24' } }, /must be an option/],
    ['a CE 9% above spot', { instrument: { underlying: 'NIFTY', kind: 'OPT' as const, expiry: '2026-03-24', strike: 26_150, optionType: 'CE' as const } }, /at least 10% out of the money: 26150 CE is 9.0% from spot 24000/],
    ['an in-the-money PE', { instrument: { underlying: 'NIFTY', kind: 'OPT' as const, expiry: '2026-03-24', strike: 26_400, optionType: 'PE' as const } }, /at least 10% out of the money/],
    ['no spot', { underlyingSpot: undefined }, /needs the NIFTY spot/],
  ])('denies %s as TEST_ORDER_INVALID', (_, over, message) => {
    const r = testOrderRiskCheck(testOrder(over), ctx);
    expect(r).toMatchObject({ ok: false, code: 'TEST_ORDER_INVALID' });
    expect(r.ok ? '' : r.message).toMatch(message);
  });

  it('leaves every other purpose alone', () => {
    expect(testOrderRiskCheck(buildRiskCheckedOrder({ side: 'SELL', quantity: 650 }), ctx).ok).toBe(true);
  });
});
