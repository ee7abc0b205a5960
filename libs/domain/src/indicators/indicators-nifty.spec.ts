import { readSharedCsv } from '@mcube/testing';
import { atr } from './atr';
import { bollingerBands } from './bollinger-bands';
import { ema } from './ema';
import { rsi } from './rsi';
import { sma } from './sma';

// Real NIFTY 50 daily bars, 2000–2026 (read in place from the shared data folder).
const rows = readSharedCsv('nifty50_daily/nifty50_daily_combined.csv');
const bars = rows.map((r) => ({ high: Number(r['high']), low: Number(r['low']), close: Number(r['close']) }));
const closes = bars.map((b) => b.close);

describe('indicators on NIFTY 50 daily closes', () => {
  it('has thousands of bars to work on', () => {
    expect(closes.length).toBeGreaterThan(6000);
  });

  it('puts the Bollinger middle band exactly on SMA(20) and the bands symmetric around it', () => {
    const middle = sma(closes, 20);
    const bands = bollingerBands(closes);
    bands.forEach((band, i) => {
      if (band === null) return expect(middle[i]).toBeNull();
      expect(band.middle).toBe(middle[i]);
      expect(band.upper - band.middle).toBeCloseTo(band.middle - band.lower, 6);
      expect(band.lower).toBeLessThanOrEqual(band.middle);
    });
  });

  it('agrees with a running-sum SMA to 1e-9 relative over the whole history', () => {
    const period = 50;
    const out = sma(closes, period);
    let sum = 0;
    closes.forEach((c, i) => {
      sum += c;
      if (i >= period) sum -= closes[i - period];
      if (i >= period - 1) expect(Math.abs(out[i]! / (sum / period) - 1)).toBeLessThan(1e-9);
    });
  });

  it('keeps RSI(14) within 0–100 on every day of the history', () => {
    const out = rsi(closes);
    for (const v of out.slice(14)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
  });

  it('keeps EMA(20) within the range of the closes seen so far', () => {
    const out = ema(closes, 20);
    let lo = Infinity;
    let hi = -Infinity;
    closes.forEach((c, i) => {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
      if (out[i] !== null) {
        expect(out[i]!).toBeGreaterThanOrEqual(lo);
        expect(out[i]!).toBeLessThanOrEqual(hi);
      }
    });
  });

  it('keeps ATR(14) positive and between the smallest and largest true range', () => {
    const out = atr(bars);
    const trs = bars.map((b, i) => (i === 0 ? b.high - b.low : Math.max(b.high - b.low, Math.abs(b.high - bars[i - 1].close), Math.abs(b.low - bars[i - 1].close))));
    const maxTr = Math.max(...trs);
    for (const v of out.slice(13)) {
      expect(v!).toBeGreaterThan(0);
      expect(v!).toBeLessThanOrEqual(maxTr);
    }
    expect(out[13]).toBeCloseTo(trs.slice(0, 14).reduce((a, b) => a + b, 0) / 14, 9);
  });
});
