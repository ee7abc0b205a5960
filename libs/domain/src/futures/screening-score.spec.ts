import { DomainError } from '../errors/domain-error';
import { screeningScore } from './screening-score';

describe('screeningScore', () => {
  const strong = {
    direction: 'LONG' as const,
    oiSignal: 'BULLISH' as const,
    oiConfidence: 0.85,
    sectorVerdict: 'STRONG_BULLISH' as const,
    trendAligned: true,
    rsi: 55,
    roomToLevelOk: true,
  };

  it('gives 100 when everything lines up', () => {
    expect(screeningScore(strong)).toMatchObject({ score: 100, passed: true });
  });

  it('scales the OI part by confidence and zeroes it against the direction', () => {
    // 40 × 0.65 / 0.85 = 30.588… → 30.59.
    expect(screeningScore({ ...strong, oiConfidence: 0.65 }).components.oi).toBe(30.59);
    expect(screeningScore({ ...strong, direction: 'SHORT', sectorVerdict: 'STRONG_BEARISH', rsi: 45 }).components.oi).toBe(0);
  });

  it('passes at exactly 65 and fails below', () => {
    // OI 40 + trend 15 + RSI 10 = 65.
    const at65 = { ...strong, sectorVerdict: 'MIXED' as const, roomToLevelOk: false };
    expect(screeningScore(at65)).toMatchObject({ score: 65, passed: true });
    expect(screeningScore({ ...at65, rsi: 75 })).toMatchObject({ score: 55, passed: false });
  });

  it('rejects an RSI outside 0..100', () => {
    expect(() => screeningScore({ ...strong, rsi: 101 })).toThrow(DomainError);
  });

  it('scores with a stored weight table and refuses one that does not add up to 100', () => {
    const weights = { oi: 50, sector: 20, trend: 10, rsi: 10, room: 10 };
    // OI 50 × 0.65 / 0.85 = 38.235… → 38.24; sector 20; trend 10; RSI 75 out of zone 0; room 10.
    expect(screeningScore({ ...strong, oiConfidence: 0.65, rsi: 75, weights })).toMatchObject({ score: 78.24, components: { oi: 38.24, sector: 20, trend: 10, rsi: 0, room: 10 } });
    expect(() => screeningScore({ ...strong, weights: { ...weights, room: 11 } })).toThrow(/add up to 100, got 101/);
    expect(() => screeningScore({ ...strong, weights: { ...weights, oi: -5, room: 65 } })).toThrow(/weights.oi must not be negative/);
  });
});
