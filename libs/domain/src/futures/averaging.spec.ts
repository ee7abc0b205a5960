import { DomainError } from '../errors/domain-error';
import { averagingDecision, AveragingInput } from './averaging';

const RUPEE = 100;
// LONG 2 lots × 250 at ₹1,000; ₹10 L available; ₹1.5 L margin per lot.
const base: AveragingInput = {
  direction: 'LONG',
  averagePrice: 1000,
  currentPrice: 990,
  openQuantity: 500,
  originalQuantity: 500,
  lotSize: 250,
  attemptsMade: 0,
  availableMarginPaise: 10_00_000 * RUPEE,
  marginPerLotPaise: 1_50_000 * RUPEE,
};

describe('averagingDecision', () => {
  it('triggers a long exactly at 1% below the average and not one tick above', () => {
    expect(averagingDecision(base).action).toBe('AVERAGE');
    const r = averagingDecision({ ...base, currentPrice: 990.05 });
    expect(r).toMatchObject({ action: 'HOLD', lots: 0, triggerPrice: 990 });
  });

  it('caps attempt 1 at 20% of available margin and reduces the quantity to whole lots', () => {
    // 20% × ₹10 L = ₹2 L → 1 lot of ₹1.5 L (2 wanted).
    const r = averagingDecision(base);
    expect(r).toMatchObject({ action: 'AVERAGE', attempt: 1, lots: 1, quantity: 250, marginCapPaise: 2_00_000 * RUPEE, requiresApproval: true });
    // (1000 × 500 + 990 × 250) / 750 = 996.666667; stop 0.5% below = 991.6833 → tick up to 991.70.
    expect(r.newAveragePrice).toBeCloseTo(996.666667, 6);
    expect(r.newStopLoss).toBe(991.7);
  });

  it('caps attempt 2 at 50% and adds the full original quantity when it fits', () => {
    // 50% × ₹10 L = ₹5 L → 3 lots fit, 2 wanted. (1000 × 750 + 990 × 500) / 1250 = 996; stop 991.02 → 991.05.
    const r = averagingDecision({ ...base, attemptsMade: 1, openQuantity: 750 });
    expect(r).toMatchObject({ action: 'AVERAGE', attempt: 2, lots: 2, quantity: 500, marginCapPaise: 5_00_000 * RUPEE });
    expect(r.newAveragePrice).toBe(996);
    expect(r.newStopLoss).toBe(991.05);
  });

  it('stops at 2 attempts by default and allows a 3rd at 50% when configured to 3', () => {
    expect(averagingDecision({ ...base, attemptsMade: 2 })).toMatchObject({ action: 'HOLD', marginCapPaise: 0 });
    expect(averagingDecision({ ...base, attemptsMade: 2, maxAttempts: 3 })).toMatchObject({
      action: 'AVERAGE',
      attempt: 3,
      marginCapPaise: 5_00_000 * RUPEE,
      lots: 2,
    });
    expect(averagingDecision({ ...base, attemptsMade: 3, maxAttempts: 3 }).action).toBe('HOLD');
  });

  it('refuses more than 3 attempts', () => {
    expect(() => averagingDecision({ ...base, maxAttempts: 4 })).toThrow(DomainError);
  });

  it('holds instead of sending a zero-lot order when the cap is below one lot', () => {
    // 20% × ₹5 L = ₹1 L < ₹1.5 L per lot.
    const r = averagingDecision({ ...base, availableMarginPaise: 5_00_000 * RUPEE });
    expect(r).toMatchObject({ action: 'HOLD', lots: 0, quantity: 0, marginCapPaise: 1_00_000 * RUPEE, requiresApproval: true });
    expect(r.reason).toContain('below one lot');
  });

  it('triggers a short exactly at 1% above the average and moves its stop above the new average', () => {
    const short = { ...base, direction: 'SHORT' as const, currentPrice: 1010, openQuantity: 250, originalQuantity: 250 };
    const r = averagingDecision(short);
    // (1000 × 250 + 1010 × 250) / 500 = 1005; stop 1005 × 1.005 = 1010.025 → tick down to 1010.00.
    expect(r).toMatchObject({ action: 'AVERAGE', lots: 1, newAveragePrice: 1005, newStopLoss: 1010 });
    expect(averagingDecision({ ...short, currentPrice: 1009.95 }).action).toBe('HOLD');
  });

  it('rejects an original quantity that is not whole lots', () => {
    expect(() => averagingDecision({ ...base, originalQuantity: 300 })).toThrow(DomainError);
  });
});
