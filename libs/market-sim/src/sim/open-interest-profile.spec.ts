import { stockFuturesOpenInterest, stockOiPositioning } from './open-interest-profile';

describe('stock futures OI: the day\'s positioning and price move', () => {
  const at = (sensitivity: number, move: number, progress = 0.4) => stockFuturesOpenInterest({ previousClose: 1_000_000, drift: 0, sensitivity, priceLogChange: Math.log(1 + move), progress, lotSize: 500 });

  it('rises with a move on a day of fresh positions and falls on a day of closing ones, in whole lots', () => {
    // +3 per log move: a 2% move adds about 6% (long buildup up, short buildup down).
    expect(at(3, 0.02)).toBe(Math.round((1_000_000 * Math.exp(3 * Math.log(1.02))) / 500) * 500);
    expect(at(3, 0.02) / 1_000_000 - 1).toBeGreaterThan(0.05);
    expect(at(3, -0.02) / 1_000_000 - 1).toBeGreaterThan(0.05);
    // Closing positions: short covering up, long unwinding down.
    expect(at(-3, 0.02) / 1_000_000 - 1).toBeLessThan(-0.05);
    expect(at(-3, -0.02) / 1_000_000 - 1).toBeLessThan(-0.05);
    // A quiet stock keeps its OI; the result is whole lots and never under one lot.
    expect(at(4.5, 0)).toBe(1_000_000);
    expect(at(3, 0.013) % 500).toBe(0);
    expect(stockFuturesOpenInterest({ previousClose: 600, drift: -5, sensitivity: -4, priceLogChange: 0.05, progress: 1, lotSize: 500 })).toBe(500);
  });

  it('draws fresh positions below 0.6 of the side hash, a sensitivity of 1.5–4.5, and a drift pulled back to the base OI', () => {
    expect(stockOiPositioning({ previousClose: 100, base: 100, noise: 0, u1: 0.59, u2: 0 }).sensitivity).toBe(1.5);
    expect(stockOiPositioning({ previousClose: 100, base: 100, noise: 0, u1: 0.6, u2: 0.999999 }).sensitivity).toBeCloseTo(-4.5, 5);
    const high = stockOiPositioning({ previousClose: 200, base: 100, noise: 0, u1: 0, u2: 0 }).drift;
    const low = stockOiPositioning({ previousClose: 50, base: 100, noise: 0, u1: 0, u2: 0 }).drift;
    expect(high).toBeCloseTo(-0.15 * Math.log(2) - 0.008, 12);
    expect(low).toBeCloseTo(0.15 * Math.log(2) - 0.008, 12);
  });
});
