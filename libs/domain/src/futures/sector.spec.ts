import { DomainError } from '../errors/domain-error';
import { analyzeSector } from './sector';

describe('analyzeSector', () => {
  it('allows only longs when all three timeframes are positive', () => {
    expect(analyzeSector({ perf3d: 0.5, perf7d: 1.2, perf21d: 3 })).toMatchObject({
      verdict: 'STRONG_BULLISH',
      allowLong: true,
      allowShort: false,
    });
  });

  it('allows only shorts when all three are negative', () => {
    expect(analyzeSector({ perf3d: -0.5, perf7d: -1.2, perf21d: -3 })).toMatchObject({
      verdict: 'STRONG_BEARISH',
      allowLong: false,
      allowShort: true,
    });
  });

  it('calls mixed signs MIXED and allows nothing', () => {
    expect(analyzeSector({ perf3d: 0.5, perf7d: -1.2, perf21d: 3 })).toMatchObject({ verdict: 'MIXED', allowLong: false, allowShort: false });
  });

  it('counts a zero as mixed on either side', () => {
    expect(analyzeSector({ perf3d: 0, perf7d: 1, perf21d: 2 }).verdict).toBe('MIXED');
    expect(analyzeSector({ perf3d: -1, perf7d: -1, perf21d: 0 }).verdict).toBe('MIXED');
  });

  it('rejects NaN', () => {
    expect(() => analyzeSector({ perf3d: Number.NaN, perf7d: 1, perf21d: 1 })).toThrow(DomainError);
  });
});
