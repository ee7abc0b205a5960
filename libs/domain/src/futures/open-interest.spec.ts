import { DomainError } from '../errors/domain-error';
import { analyzeOpenInterest } from './open-interest';

const chain = (putOi: number, callOi: number) => ({
  calls: [{ strike: 1000, oi: callOi / 2 }, { strike: 1020, oi: callOi / 2 }],
  puts: [{ strike: 980, oi: putOi / 2 }, { strike: 1000, oi: putOi / 2 }],
});
const neutralPcr = chain(1_000_000, 1_000_000);
const fut = (oi: number, ltp: number) => ({ oi, prevOi: 1_000_000, ltp, prevClose: 1000 });

describe('analyzeOpenInterest: the four OI cases of plan §6', () => {
  it('reads OI up with price up as long buildup (BULLISH)', () => {
    const r = analyzeOpenInterest({ futures: fut(1_060_000, 1012), ...neutralPcr });
    expect(r).toMatchObject({ signal: 'BULLISH', futuresSignal: 'BULLISH', confidence: 0.65 });
    expect(r.futuresReason).toBe('Long buildup: OI +6.0%, Price +1.2%');
  });

  it('reads OI up with price down as short buildup (BEARISH)', () => {
    const r = analyzeOpenInterest({ futures: fut(1_060_000, 990), ...neutralPcr });
    expect(r.signal).toBe('BEARISH');
    expect(r.futuresReason).toBe('Short buildup: OI +6.0%, Price -1.0%');
  });

  it('reads OI down with price up as short covering (BULLISH)', () => {
    const r = analyzeOpenInterest({ futures: fut(940_000, 1012), ...neutralPcr });
    expect(r.signal).toBe('BULLISH');
    expect(r.futuresReason).toBe('Short covering: OI -6.0%, Price +1.2%');
  });

  it('reads OI down with price down as long unwinding (BEARISH)', () => {
    const r = analyzeOpenInterest({ futures: fut(940_000, 990), ...neutralPcr });
    expect(r.signal).toBe('BEARISH');
    expect(r.futuresReason).toBe('Long unwinding: OI -6.0%, Price -1.0%');
  });

  it('treats exactly ±5% OI change, and an unchanged price, as no significant change', () => {
    for (const f of [fut(1_050_000, 1012), fut(950_000, 990), fut(1_100_000, 1000)]) {
      const r = analyzeOpenInterest({ futures: f, ...neutralPcr });
      expect(r).toMatchObject({ futuresSignal: 'NEUTRAL', futuresReason: 'No significant OI change' });
    }
    expect(analyzeOpenInterest({ futures: fut(1_050_001, 1012), ...neutralPcr }).futuresSignal).toBe('BULLISH');
  });
});

describe('analyzeOpenInterest: PCR and the combined verdict', () => {
  it('scores PCR above 1.3 bullish, below 0.7 bearish, and the bounds themselves neutral', () => {
    expect(analyzeOpenInterest({ futures: fut(1_000_000, 1000), ...chain(1_310_000, 1_000_000) }).optionsSignal).toBe('BULLISH');
    expect(analyzeOpenInterest({ futures: fut(1_000_000, 1000), ...chain(1_300_000, 1_000_000) }).optionsSignal).toBe('NEUTRAL');
    expect(analyzeOpenInterest({ futures: fut(1_000_000, 1000), ...chain(700_000, 1_000_000) }).optionsSignal).toBe('NEUTRAL');
    expect(analyzeOpenInterest({ futures: fut(1_000_000, 1000), ...chain(690_000, 1_000_000) }).optionsSignal).toBe('BEARISH');
  });

  it('computes PCR as total put OI over total call OI, and 0 without call OI', () => {
    expect(analyzeOpenInterest({ futures: fut(1_000_000, 1000), ...chain(1_500_000, 1_000_000) }).pcr).toBe(1.5);
    const none = analyzeOpenInterest({ futures: fut(1_000_000, 1000), calls: [], puts: [{ strike: 1000, oi: 5 }] });
    expect(none.pcr).toBe(0);
    expect(none.optionsSignal).toBe('BEARISH');
  });

  it('gives 0.85 when futures and options agree', () => {
    expect(analyzeOpenInterest({ futures: fut(1_060_000, 1012), ...chain(1_400_000, 1_000_000) })).toMatchObject({
      signal: 'BULLISH',
      confidence: 0.85,
    });
    expect(analyzeOpenInterest({ futures: fut(940_000, 990), ...chain(500_000, 1_000_000) })).toMatchObject({
      signal: 'BEARISH',
      confidence: 0.85,
    });
  });

  it('falls back to the futures signal with 0.65 when they disagree or options alone have a view', () => {
    expect(analyzeOpenInterest({ futures: fut(1_060_000, 1012), ...chain(500_000, 1_000_000) })).toMatchObject({
      signal: 'BULLISH',
      confidence: 0.65,
    });
    expect(analyzeOpenInterest({ futures: fut(1_000_000, 1012), ...chain(1_400_000, 1_000_000) })).toMatchObject({
      signal: 'NEUTRAL',
      confidence: 0.65,
    });
  });

  it('rejects a zero previous OI or close and negative OI', () => {
    expect(() => analyzeOpenInterest({ futures: { oi: 1, prevOi: 0, ltp: 1, prevClose: 1 }, calls: [], puts: [] })).toThrow(DomainError);
    expect(() => analyzeOpenInterest({ futures: { oi: 1, prevOi: 1, ltp: 1, prevClose: 0 }, calls: [], puts: [] })).toThrow(DomainError);
    expect(() => analyzeOpenInterest({ futures: fut(1, 1), calls: [{ strike: 1, oi: -1 }], puts: [] })).toThrow(DomainError);
  });
});
