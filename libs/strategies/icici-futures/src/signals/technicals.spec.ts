import { atr, bollingerBands, createDefaultNseCalendar, ema, rsi } from '@mcube/domain';
import { MACD, EMA as TsEma } from 'trading-signals';
import { ICICI_FUTURES_CONFIG_DEFAULTS as C } from '../config/icici-futures.config';
import { fallingBars, risingBars } from '../testing/bars.fixture';
import { computeTechnicals, roomToLevel, trendAligned } from './technicals';

const calendar = createDefaultNseCalendar();
const up = risingBars(calendar, '2026-11-27', 1000, 1_500_000);
const down = fallingBars(calendar, '2026-11-27');
const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

describe('trading-signals against a hand computation', () => {
  it('computes MACD as EMA(short) − EMA(long), EMAs seeded with the first price, signal EMA of the MACD from the first full long window', () => {
    // α(2) = 2/3, α(3) = 1/2, α(signal 2) = 2/3 on closes 10, 11, 12, 11, 13:
    // EMA2: 10, 10.6667, 11.5556, 11.1852, 12.3951   EMA3: 10, 10.5, 11.25, 11.125, 12.0625
    // MACD from index 2: 0.30556, 0.06019, 0.33256; signal 0.30556 (seed), 0.14198, 0.26903.
    const m = new MACD(new TsEma(2), new TsEma(3), new TsEma(2));
    const out = [10, 11, 12, 11, 13].map((p) => m.add(p));
    expect(out.slice(0, 2)).toEqual([null, null]);
    expect(out[2]!.macd).toBeCloseTo(0.30556, 4);
    expect(out[2]!.histogram).toBeCloseTo(0, 10);
    expect(out[3]!.signal).toBeCloseTo(0.14198, 4);
    expect(out[4]).toMatchObject({ macd: expect.closeTo(0.33256, 4), signal: expect.closeTo(0.26903, 4), histogram: expect.closeTo(0.06353, 4) });
  });
});

describe('computeTechnicals on 120 completed daily bars', () => {
  const t = computeTechnicals(up, C)!;
  const closes = up.map((b) => b.close);

  it('gives exactly the domain RSI (Wilder), ATR (Wilder) and Bollinger (20, 2, population σ)', () => {
    expect(t.rsi).toBeCloseTo(last(rsi(closes, 14)) as number, 9);
    expect(t.atrPct).toBeCloseTo(((last(atr(up, 14)) as number) / last(closes)) * 100, 9);
    const band = last(bollingerBands(closes, { period: 20, stdDev: 2 }))!;
    expect(t.bollinger).toMatchObject({ upper: expect.closeTo(band.upper, 9), middle: expect.closeTo(band.middle, 9), lower: expect.closeTo(band.lower, 9) });
    expect(t.bollinger!.percentB).toBeCloseTo((last(closes) - band.lower) / (band.upper - band.lower), 9);
  });

  it('uses the domain EMA (SMA-seeded) for the trend, and its MACD is within 1e-4 of the price of an SMA-seeded MACD', () => {
    expect(t.emaFast).toBe(last(ema(closes, 20)));
    expect(t.emaSlow).toBe(last(ema(closes, 50)));
    const fast = ema(closes, 12);
    const slow = ema(closes, 26);
    const line = closes.map((_, i) => (slow[i] === null ? null : (fast[i] as number) - (slow[i] as number))).filter((v): v is number => v !== null);
    const signal = last(ema(line, 9)) as number;
    expect(Math.abs(t.macd!.macd - last(line))).toBeLessThan(1e-4 * last(closes));
    expect(Math.abs(t.macd!.signal - signal)).toBeLessThan(1e-4 * last(closes));
  });

  it('reads an uptrend as UP with a positive MACD histogram, a downtrend as DOWN with a negative one', () => {
    const d = computeTechnicals(down, C)!;
    expect([t.emaTrend, Math.sign(t.macd!.histogram)]).toEqual(['UP', 1]);
    expect([d.emaTrend, Math.sign(d.macd!.histogram)]).toEqual(['DOWN', -1]);
    expect(trendAligned(t, 'LONG', true)).toBe(true);
    expect(trendAligned(t, 'SHORT', true)).toBe(false);
    expect(trendAligned(d, 'SHORT', true)).toBe(true);
  });

  it('measures volume against the average of the 20 sessions before the last, and support/resistance from those sessions', () => {
    expect(t.volumeRatio).toBeCloseTo(1.5, 12);
    const window = up.slice(-21, -1);
    const low = Math.min(...window.map((b) => b.low));
    const high = Math.max(...window.map((b) => b.high));
    expect(t.support).toBe(low);
    expect(t.supportDistancePct).toBeCloseTo(((last(closes) - low) / last(closes)) * 100, 9);
    expect(t.resistance).toBe(high > last(closes) ? high : null);
  });

  it('treats a broken level as no level (room), and a level inside the target distance as no room', () => {
    const base = { ...t, resistanceDistancePct: null, supportDistancePct: 0.4 };
    expect(roomToLevel(base, 'LONG', 1)).toBe(true);
    expect(roomToLevel(base, 'SHORT', 1)).toBe(false);
    expect(roomToLevel({ ...base, supportDistancePct: 1 }, 'SHORT', 1)).toBe(true);
  });

  it('leaves readings null when there are too few bars', () => {
    const few = computeTechnicals(up.slice(-30), C)!;
    expect(few.emaSlow).toBeNull();
    expect(few.macd).toBeNull();
    expect(few.rsi).not.toBeNull();
    expect(computeTechnicals([], C)).toBeNull();
  });
});
