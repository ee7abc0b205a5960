import { DomainError } from '../errors/domain-error';
import { protectedLimitPrice } from './protected-limit-price';

const tick = 0.05;

describe('protectedLimitPrice', () => {
  it('buys at most ref × (1 + p), already on the tick, without binary noise pushing it a tick up', () => {
    expect(protectedLimitPrice({ side: 'BUY', referencePrice: 100, protectionPct: 0.02, tickSize: tick })).toBe(102);
  });

  it('rounds a buy UP to the next tick', () => {
    // 100.03 × 1.01 = 101.0303 → 101.05
    expect(protectedLimitPrice({ side: 'BUY', referencePrice: 100.03, protectionPct: 0.01, tickSize: tick })).toBe(101.05);
  });

  it('rounds a sell DOWN to the tick', () => {
    // 123.45 × 0.97 = 119.7465 → 119.70
    expect(protectedLimitPrice({ side: 'SELL', referencePrice: 123.45, protectionPct: 0.03, tickSize: tick })).toBe(119.7);
    expect(protectedLimitPrice({ side: 'SELL', referencePrice: 100, protectionPct: 0.02, tickSize: tick })).toBe(98);
  });

  it('never sells below one tick', () => {
    expect(protectedLimitPrice({ side: 'SELL', referencePrice: 0.05, protectionPct: 0.5, tickSize: tick })).toBe(0.05);
  });

  it('keeps an on-tick reference unchanged when the protection is zero', () => {
    expect(protectedLimitPrice({ side: 'BUY', referencePrice: 250.35, protectionPct: 0, tickSize: tick })).toBe(250.35);
    expect(protectedLimitPrice({ side: 'SELL', referencePrice: 250.35, protectionPct: 0, tickSize: tick })).toBe(250.35);
  });

  it('always lands on the grid, on the protected side, within one tick of the bound', () => {
    for (let ref = 0.5; ref < 500; ref += 7.37) {
      for (const p of [0.005, 0.01, 0.02, 0.05]) {
        const buy = protectedLimitPrice({ side: 'BUY', referencePrice: ref, protectionPct: p, tickSize: tick });
        const sell = protectedLimitPrice({ side: 'SELL', referencePrice: ref, protectionPct: p, tickSize: tick });
        for (const price of [buy, sell]) expect(Math.abs(price * 20 - Math.round(price * 20))).toBeLessThan(1e-9);
        expect(buy).toBeGreaterThanOrEqual(ref * (1 + p) - 1e-9);
        expect(buy - ref * (1 + p)).toBeLessThan(tick);
        expect(sell).toBeLessThanOrEqual(ref * (1 - p) + 1e-9);
        expect(ref * (1 - p) - sell).toBeLessThan(tick);
      }
    }
  });

  it('works with a 10-paise tick', () => {
    expect(protectedLimitPrice({ side: 'BUY', referencePrice: 2901.03, protectionPct: 0.005, tickSize: 0.1 })).toBe(2915.6);
  });

  it.each([
    { referencePrice: 0, protectionPct: 0.02, tickSize: tick },
    { referencePrice: Number.NaN, protectionPct: 0.02, tickSize: tick },
    { referencePrice: 100, protectionPct: -0.01, tickSize: tick },
    { referencePrice: 100, protectionPct: 1, tickSize: tick },
    { referencePrice: 100, protectionPct: 0.02, tickSize: 0 },
    { referencePrice: 100, protectionPct: 0.02, tickSize: 0.001 },
  ])('throws INVALID_ARGUMENT for %p', (p) => {
    expect(() => protectedLimitPrice({ side: 'BUY', ...p })).toThrow(DomainError);
  });
});
