import { DomainError } from '../errors/domain-error';
import { readSharedCsv } from '@mcube/testing';
import { strangleStrikes } from './strangle-strikes';
import { nearestListedStrike } from './listed-strike';

describe('strangleStrikes', () => {
  it("reproduces the plan's example: 24,000, 4 days, VIX 14 → 24,500 / 23,500, distance 480", () => {
    const r = strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 14 });
    expect(r).toMatchObject({ callStrike: 24_500, putStrike: 23_500, strikeDistance: 480, adjustedDeltaPct: 0.5, vixRegime: 'NORMAL' });
    expect(r.reason).toContain('Normal VIX');
  });

  it('keeps VIX exactly 15 in the normal regime and moves 15.01 to elevated', () => {
    expect(strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 15 }).adjustedDeltaPct).toBe(0.5);
    const elevated = strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 15.01 });
    expect(elevated.vixRegime).toBe('ELEVATED');
    expect(elevated.adjustedDeltaPct).toBe(0.55);
  });

  it('computes 24,000 × 0.55% × 4 as exactly 528 points, without float drift', () => {
    const r = strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 16 });
    expect(r.strikeDistance).toBe(528);
    // 24,528 → 24,500; 23,472 → 23,500.
    expect([r.callStrike, r.putStrike]).toEqual([24_500, 23_500]);
  });

  it('keeps VIX exactly 18 elevated (×1.1) and moves 18.01 to high (×1.2)', () => {
    expect(strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 18 }).adjustedDeltaPct).toBe(0.55);
    const high = strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 18.01 });
    expect(high.vixRegime).toBe('HIGH');
    expect(high.adjustedDeltaPct).toBe(0.6);
    // 24,000 × 0.6% × 4 = 576 → call 24,576 → 24,600; put 23,424 → 23,400.
    expect([high.strikeDistance, high.callStrike, high.putStrike]).toEqual([576, 24_600, 23_400]);
    expect(high.reason).toContain('High VIX');
  });

  it('accepts one day to expiry and rejects zero, negative and fractional days', () => {
    // 24,000 × 0.5% × 1 = 120 → 24,120 → 24,100; 23,880 → 23,900.
    const one = strangleStrikes({ spot: 24_000, daysToExpiry: 1, vix: 12 });
    expect([one.strikeDistance, one.callStrike, one.putStrike]).toEqual([120, 24_100, 23_900]);
    for (const days of [0, -1, 1.5]) {
      expect(() => strangleStrikes({ spot: 24_000, daysToExpiry: days, vix: 12 })).toThrow(DomainError);
    }
  });

  it('rounds a raw strike exactly halfway up (half-up, not banker’s rounding)', () => {
    // Halfway case: spot 10,000 × 0.5% × 1 day = 50 points, so both raw strikes end in 50.
    const r = strangleStrikes({ spot: 10_000, daysToExpiry: 1, vix: 10 });
    expect(r.strikeDistance).toBe(50);
    // 10,050 → 10,100 (Python would give 10,000); 9,950 → 10,000 (Python: 10,000).
    expect([r.callStrike, r.putStrike]).toEqual([10_100, 10_000]);
  });

  it('uses a configurable step and base delta', () => {
    // 24,000 × 0.4% × 2 = 192 → 24,192 → 24,200 at step 50; 23,808 → 23,800.
    const r = strangleStrikes({ spot: 24_000, daysToExpiry: 2, vix: 10, baseDeltaPct: 0.4, roundTo: 50 });
    expect([r.strikeDistance, r.callStrike, r.putStrike]).toEqual([192, 24_200, 23_800]);
  });

  it('rejects bad spot, VIX and step', () => {
    expect(() => strangleStrikes({ spot: -1, daysToExpiry: 4, vix: 14 })).toThrow(DomainError);
    expect(() => strangleStrikes({ spot: Number.NaN, daysToExpiry: 4, vix: 14 })).toThrow(DomainError);
    expect(() => strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: -2 })).toThrow(DomainError);
    expect(() => strangleStrikes({ spot: 24_000, daysToExpiry: 4, vix: 14, roundTo: 0 })).toThrow(DomainError);
    expect(() => strangleStrikes({ spot: 100, daysToExpiry: 300, vix: 30 })).toThrow(DomainError);
  });

  it('places strikes on the grid around every real NIFTY close of 2024 with its real VIX', () => {
    const vixByDate = new Map(readSharedCsv('india_vix_daily/india_vix_daily_combined.csv').map((r) => [r['date'], Number(r['close'])]));
    const closes = readSharedCsv('nifty50_daily/nifty50_daily_combined.csv').filter((r) => r['date'].startsWith('2024-'));
    let checked = 0;
    for (const row of closes) {
      const vix = vixByDate.get(row['date']);
      if (vix === undefined) continue;
      const spot = Number(row['close']);
      const r = strangleStrikes({ spot, daysToExpiry: 4, vix });
      expect(r.callStrike % 100).toBe(0);
      expect(r.putStrike % 100).toBe(0);
      // Rounding moves each strike at most half a step from its raw level.
      expect(Math.abs(r.callStrike - (spot + r.strikeDistance))).toBeLessThanOrEqual(50 + 1e-9);
      expect(Math.abs(r.putStrike - (spot - r.strikeDistance))).toBeLessThanOrEqual(50 + 1e-9);
      const expectedPct = vix > 18 ? 0.6 : vix > 15 ? 0.55 : 0.5;
      expect(r.adjustedDeltaPct).toBe(expectedPct);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('nearestListedStrike', () => {
  const listed = [23_400, 23_450, 23_500, 24_500, 24_550, 24_600];

  it('takes the wanted strike when it is listed', () => {
    expect(nearestListedStrike({ strike: 24_500, listedStrikes: listed, type: 'CE' })).toBe(24_500);
  });

  it('moves a missing call strike up and a missing put strike down, never towards spot', () => {
    expect(nearestListedStrike({ strike: 24_520, listedStrikes: listed, type: 'CE' })).toBe(24_550);
    expect(nearestListedStrike({ strike: 23_480, listedStrikes: listed, type: 'PE' })).toBe(23_450);
  });

  it('returns null when the chain has nothing far enough out', () => {
    expect(nearestListedStrike({ strike: 24_700, listedStrikes: listed, type: 'CE' })).toBeNull();
    expect(nearestListedStrike({ strike: 23_000, listedStrikes: listed, type: 'PE' })).toBeNull();
  });
});
