import { planFill, touchOf, type PlanFillInput } from './plan-fill';

const base: PlanFillInput = { side: 'BUY', limitPrice: 100, remaining: 130, lotSize: 65, tick: 0.05, touch: { bid: 99.5, ask: 100 }, slippageTicks: 0, availableLots: Infinity };

describe('planFill', () => {
  it('fills a BUY when the ask is at the limit, at the ask', () => {
    expect(planFill(base)).toEqual({ quantity: 130, price: 100 });
  });

  it('fills a BUY through the limit at the (better) ask', () => {
    expect(planFill({ ...base, touch: { bid: 97, ask: 97.5 } })).toEqual({ quantity: 130, price: 97.5 });
  });

  it('does not fill a BUY while the ask is above the limit, even by one tick', () => {
    expect(planFill({ ...base, touch: { bid: 99.9, ask: 100.05 } })).toBeUndefined();
  });

  it('fills a SELL when the bid reaches the limit and not a tick before', () => {
    const sell = { ...base, side: 'SELL' as const, limitPrice: 120 };
    expect(planFill({ ...sell, touch: { bid: 119.95, ask: 120.5 } })).toBeUndefined();
    expect(planFill({ ...sell, touch: { bid: 120, ask: 120.5 } })).toEqual({ quantity: 130, price: 120 });
    expect(planFill({ ...sell, touch: { bid: 121.35, ask: 121.5 } })).toEqual({ quantity: 130, price: 121.35 });
  });

  it('adds slippage against the trader but never past the limit', () => {
    expect(planFill({ ...base, limitPrice: 101, slippageTicks: 3 })?.price).toBe(100.15);
    expect(planFill({ ...base, limitPrice: 100.1, slippageTicks: 3 })?.price).toBe(100.1);
    const sell = { ...base, side: 'SELL' as const, limitPrice: 99, touch: { bid: 99.5, ask: 100 } };
    expect(planFill({ ...sell, slippageTicks: 4 })?.price).toBe(99.3);
    expect(planFill({ ...sell, slippageTicks: 40 })?.price).toBe(99);
  });

  it('fills whole lots up to the lots available', () => {
    expect(planFill({ ...base, remaining: 650, availableLots: 3 })?.quantity).toBe(195);
    expect(planFill({ ...base, remaining: 650, availableLots: 0 })).toBeUndefined();
  });
});

describe('touchOf', () => {
  it('uses the quoted bid and ask when present', () => {
    expect(touchOf({ symbol: 'X', lastPrice: 10, bid: 9.9, ask: 10.1, asOfMs: 0 }, 0.05, 1)).toEqual({ bid: 9.9, ask: 10.1 });
  });

  it('builds a spread of half-spread ticks around the last price when bid and ask are missing', () => {
    const t = touchOf({ symbol: 'X', lastPrice: 10, asOfMs: 0 }, 0.05, 2);
    expect(t?.bid).toBeCloseTo(9.9, 10);
    expect(t?.ask).toBeCloseTo(10.1, 10);
  });

  it('never puts a synthetic bid below one tick', () => {
    expect(touchOf({ symbol: 'X', lastPrice: 0.05, asOfMs: 0 }, 0.05, 3)?.bid).toBe(0.05);
  });

  it('gives no touch for a quote without prices', () => {
    expect(touchOf({ symbol: 'X', lastPrice: Number.NaN, asOfMs: 0 }, 0.05, 1)).toBeUndefined();
  });
});
