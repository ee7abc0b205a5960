import { activityBetween, cumulativeActivity } from './intraday-profile';
import { createPrng } from './prng';

describe('seeded randomness and the intraday profile', () => {
  it('draws standard normals with mean 0 and variance 1, the same for the same seed', () => {
    const a = createPrng(123);
    const xs = Array.from({ length: 200_000 }, () => a.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    const b = createPrng(123);
    expect(Array.from({ length: 10 }, () => b.normal())).toEqual(xs.slice(0, 10));
    expect(createPrng(123).fork('x').uniform()).not.toBe(createPrng(123).fork('y').uniform());
    expect(() => createPrng(1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('gives the session a U shape: the first and last half hours busier than the middle one', () => {
    expect(cumulativeActivity(0)).toBe(0);
    expect(cumulativeActivity(1)).toBeCloseTo(1, 12);
    const slice = 30 / 375;
    const first = activityBetween(0, slice);
    const middle = activityBetween(0.5 - slice / 2, 0.5 + slice / 2);
    const last = activityBetween(1 - slice, 1);
    expect(first).toBeGreaterThan(2 * middle);
    expect(last).toBeCloseTo(first, 12);
    expect(() => cumulativeActivity(1.2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
