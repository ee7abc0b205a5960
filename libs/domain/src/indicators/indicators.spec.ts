import { DomainError } from '../errors/domain-error';
import { atr } from './atr';
import { bollingerBands } from './bollinger-bands';
import { ema } from './ema';
import { oiSupportResistance } from './oi-support-resistance';
import { pivotLevels } from './pivot-levels';
import { rsi } from './rsi';
import { sma } from './sma';

describe('sma', () => {
  it('averages each window and leaves null where the window is incomplete', () => {
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
    expect(sma([7], 1)).toEqual([7]);
    expect(sma([1, 2], 3)).toEqual([null, null]);
  });
});

describe('ema', () => {
  it('seeds with the SMA of the first period and then moves by α = 2/(period+1)', () => {
    // α = 0.5; seed mean(1,2,3) = 2; then 2 + 0.5·(4−2) = 3, 3 + 0.5·(5−3) = 4, 4 + 0.5·(6−4) = 5.
    expect(ema([1, 2, 3, 4, 5, 6], 3)).toEqual([null, null, 2, 3, 4, 5]);
    // α = 0.4 (period 4): seed mean(10,12,11,13) = 11.5; next 11.5 + 0.4·(16 − 11.5) = 13.3.
    const out = ema([10, 12, 11, 13, 16], 4);
    expect(out[3]).toBe(11.5);
    expect(out[4]).toBeCloseTo(13.3, 12);
  });
});

describe('rsi (Wilder)', () => {
  it('matches a hand-computed series', () => {
    // changes +1, −0.5, +1 | +0.5 | −1 (period 3)
    // first:  gain (1+0+1)/3 = 2/3, loss 0.5/3 = 1/6, RS 4 → 80
    // next:   gain (2/3·2 + 0.5)/3 = 11/18, loss (1/6·2)/3 = 1/9, RS 5.5 → 100 − 100/6.5
    // next:   gain (11/18·2)/3 = 11/27, loss (1/9·2 + 1)/3 = 11/27, RS 1 → 50
    const out = rsi([10, 11, 10.5, 11.5, 12, 11], 3);
    expect(out.slice(0, 3)).toEqual([null, null, null]);
    expect(out[3]).toBeCloseTo(80, 12);
    expect(out[4]).toBeCloseTo(100 - 100 / 6.5, 12);
    expect(out[5]).toBeCloseTo(50, 12);
  });

  it('is 100 with no losses, 0 with no gains and 50 on a flat market', () => {
    expect(rsi([1, 2, 3, 4], 2)[3]).toBe(100);
    expect(rsi([4, 3, 2, 1], 2)[3]).toBe(0);
    expect(rsi([5, 5, 5, 5], 2)[3]).toBe(50);
  });

  it('defaults to 14 periods: the first value is at index 14', () => {
    const closes = Array.from({ length: 20 }, (_, i) => 100 + Math.sin(i));
    const out = rsi(closes);
    expect(out[13]).toBeNull();
    expect(out[14]).not.toBeNull();
  });
});

describe('bollingerBands', () => {
  it('puts the bands stdDev population deviations around the SMA', () => {
    // mean 3, population variance (4+1+0+1+4)/5 = 2
    const [band] = bollingerBands([1, 2, 3, 4, 5], { period: 5, stdDev: 2 }).slice(4);
    expect(band).toEqual({ middle: 3, upper: 3 + 2 * Math.SQRT2, lower: 3 - 2 * Math.SQRT2 });
  });

  it('defaults to 20 periods and 2 deviations', () => {
    const closes = Array.from({ length: 25 }, (_, i) => i % 3);
    const out = bollingerBands(closes);
    expect(out[18]).toBeNull();
    const band = out[19]!;
    const window = closes.slice(0, 20);
    const mean = window.reduce((a, b) => a + b, 0) / 20;
    const sigma = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / 20);
    expect(band.upper - band.middle).toBeCloseTo(2 * sigma, 12);
  });

  it('rejects a non-positive width', () => {
    expect(() => bollingerBands([1, 2, 3], { period: 2, stdDev: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('atr (Wilder)', () => {
  it('uses the true range across gaps and Wilder smoothing', () => {
    const bars = [
      { high: 10, low: 8, close: 9 }, // TR 2 (first bar: high − low)
      { high: 11, low: 9, close: 10.5 }, // TR max(2, 2, 0) = 2
      { high: 10, low: 9.5, close: 9.8 }, // TR max(0.5, 0.5, 1) = 1
      { high: 13, low: 12, close: 12.5 }, // gap up: TR max(1, 3.2, 2.2) = 3.2
    ];
    const out = atr(bars, 3);
    expect(out.slice(0, 2)).toEqual([null, null]);
    expect(out[2]).toBeCloseTo(5 / 3, 12);
    expect(out[3]).toBeCloseTo(((5 / 3) * 2 + 3.2) / 3, 12);
  });

  it('rejects a bar whose low is above its high', () => {
    expect(() => atr([{ high: 9, low: 10, close: 9.5 }], 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('pivotLevels', () => {
  it('computes classic floor pivots', () => {
    expect(pivotLevels({ high: 110, low: 90, close: 100 })).toEqual({ pivot: 100, r1: 110, r2: 120, r3: 130, s1: 90, s2: 80, s3: 70 });
    const p = pivotLevels({ high: 22250, low: 22010, close: 22200 });
    expect(p.pivot).toBeCloseTo((22250 + 22010 + 22200) / 3, 9);
    expect(p.r1).toBeCloseTo(2 * p.pivot - 22010, 9);
    expect(p.s3).toBeLessThan(p.s2);
    expect(p.r3).toBeGreaterThan(p.r2);
  });
});

describe('oiSupportResistance', () => {
  it('reads support at the largest put OI and resistance at the largest call OI', () => {
    const levels = oiSupportResistance([
      { strike: 21900, callOi: 100, putOi: 900 },
      { strike: 22000, callOi: 400, putOi: 1200 },
      { strike: 22100, callOi: 1500, putOi: 300 },
      { strike: 22200, callOi: 1100, putOi: 100 },
    ]);
    expect(levels).toEqual({ support: 22000, resistance: 22100, putCallRatio: 2500 / 3100 });
  });

  it('breaks ties toward the lower strike whatever the row order, and has no levels without OI', () => {
    const rows = [
      { strike: 22100, callOi: 5, putOi: 5 },
      { strike: 22000, callOi: 5, putOi: 5 },
    ];
    expect(oiSupportResistance(rows)).toEqual({ support: 22000, resistance: 22000, putCallRatio: 1 });
    expect(oiSupportResistance([{ strike: 22000, callOi: 0, putOi: 0 }])).toEqual({ support: null, resistance: null, putCallRatio: null });
  });
});

describe('indicator input validation', () => {
  it.each([
    ['a NaN value', () => sma([1, NaN, 3], 2)],
    ['a zero period', () => ema([1, 2, 3], 0)],
    ['a fractional period', () => rsi([1, 2, 3], 1.5)],
    ['an infinite close', () => bollingerBands([1, Infinity])],
    ['a missing bar field', () => atr([{ high: 1, low: 0 } as never])],
    ['a negative OI', () => oiSupportResistance([{ strike: 100, callOi: -1, putOi: 0 }])],
  ])('throws INVALID_ARGUMENT for %s', (_name, call) => {
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
