import { DomainError } from '../errors/domain-error';
import { futuresStopAndTarget, riskRewardOk } from './stop-target';

describe('futuresStopAndTarget', () => {
  it('puts a long stop 0.5% below and target 1% above the entry', () => {
    expect(futuresStopAndTarget({ entryPrice: 2500, direction: 'LONG' })).toEqual({
      stopLoss: 2487.5,
      target: 2525,
      riskPerUnit: 12.5,
      rewardPerUnit: 25,
    });
  });

  it('rounds the stop towards the entry and the target away from it', () => {
    // 1234.55 × 0.995 = 1228.37725 → 1228.40; × 1.01 = 1246.8955 → 1246.90.
    expect(futuresStopAndTarget({ entryPrice: 1234.55, direction: 'LONG' })).toMatchObject({ stopLoss: 1228.4, target: 1246.9 });
    // Short: 1234.55 × 1.005 = 1240.72275 → 1240.70; × 0.99 = 1222.2045 → 1222.20.
    expect(futuresStopAndTarget({ entryPrice: 1234.55, direction: 'SHORT' })).toMatchObject({ stopLoss: 1240.7, target: 1222.2 });
  });

  it('keeps the 1:2 ratio after rounding on many entry prices', () => {
    for (let paise = 10_000; paise < 400_000; paise += 1_235) {
      const entryPrice = Math.round(paise / 5) * 5 / 100;
      for (const direction of ['LONG', 'SHORT'] as const) {
        const st = futuresStopAndTarget({ entryPrice, direction });
        expect(riskRewardOk({ entryPrice, stopLoss: st.stopLoss, target: st.target, direction }).ok).toBe(true);
      }
    }
  });

  it('rejects percentages given as whole numbers', () => {
    expect(() => futuresStopAndTarget({ entryPrice: 100, direction: 'LONG', stopLossPct: 5 })).toThrow(DomainError);
  });
});

describe('riskRewardOk', () => {
  it('accepts exactly 1:2 and refuses a target one paisa short of it', () => {
    expect(riskRewardOk({ entryPrice: 100, stopLoss: 99, target: 102, direction: 'LONG' })).toMatchObject({ ok: true, ratio: 2 });
    expect(riskRewardOk({ entryPrice: 100, stopLoss: 99, target: 101.99, direction: 'LONG' }).ok).toBe(false);
    expect(riskRewardOk({ entryPrice: 100, stopLoss: 101, target: 98, direction: 'SHORT' }).ok).toBe(true);
  });

  it('honours a configured minimum ratio', () => {
    expect(riskRewardOk({ entryPrice: 100, stopLoss: 99, target: 102, direction: 'LONG', minRatio: 2.5 }).ok).toBe(false);
  });

  it('rejects a stop on the winning side', () => {
    expect(() => riskRewardOk({ entryPrice: 100, stopLoss: 101, target: 102, direction: 'LONG' })).toThrow(DomainError);
  });
});
