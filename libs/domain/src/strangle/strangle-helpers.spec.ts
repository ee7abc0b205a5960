import { DomainError } from '../errors/domain-error';
import { morningCheck } from './morning-check';
import { periodTargetReached } from './period-target';
import { strangleLots } from './strangle-lots';
import { validatePremium } from './validate-premium';

describe('morningCheck', () => {
  it('monitors only and denies a new entry while a position is active', () => {
    expect(morningCheck({ hasActivePosition: true })).toMatchObject({ action: 'MONITOR', allowNewEntry: false });
  });
  it('evaluates entry when no position is active', () => {
    expect(morningCheck({ hasActivePosition: false })).toMatchObject({ action: 'EVALUATE_ENTRY', allowNewEntry: true });
  });
});

describe('strangleLots', () => {
  it('fits whole lots into the usable margin', () => {
    // ₹1.2 Cr usable / ₹3,74,400 per lot = 32.05… → 32 lots.
    expect(strangleLots({ usableMarginPaise: 1_20_00_000 * 100, marginPerLotPaise: 3_74_400 * 100 })).toBe(32);
  });
  it('gives exactly n lots at an exact multiple and n − 1 one paisa below', () => {
    expect(strangleLots({ usableMarginPaise: 3_000, marginPerLotPaise: 1_000 })).toBe(3);
    expect(strangleLots({ usableMarginPaise: 2_999, marginPerLotPaise: 1_000 })).toBe(2);
  });
  it('caps at maxLots and returns 0 when one lot does not fit', () => {
    expect(strangleLots({ usableMarginPaise: 10_000, marginPerLotPaise: 1_000, maxLots: 4 })).toBe(4);
    expect(strangleLots({ usableMarginPaise: 999, marginPerLotPaise: 1_000 })).toBe(0);
  });
  it('rejects a zero margin per lot', () => {
    expect(() => strangleLots({ usableMarginPaise: 1_000, marginPerLotPaise: 0 })).toThrow(DomainError);
  });
});

describe('validatePremium', () => {
  it('computes premium per lot and for the position in exact paise', () => {
    // (42.35 + 38.10) × 65 = 80.45 × 65 = ₹5,229.25 per lot; × 10 lots = ₹52,292.50.
    const r = validatePremium({ callPremium: 42.35, putPremium: 38.1, lotSize: 65, lots: 10 });
    expect(r).toMatchObject({ ok: true, combinedPremium: 80.45, premiumPerLotPaise: 522_925, totalPremiumPaise: 5_229_250 });
  });
  it('fails when a leg has no price', () => {
    expect(validatePremium({ callPremium: 0, putPremium: 30, lotSize: 65, lots: 1 }).ok).toBe(false);
  });
  it('applies a minimum combined premium inclusively', () => {
    expect(validatePremium({ callPremium: 20, putPremium: 20, lotSize: 65, lots: 1, minCombinedPremium: 40 }).ok).toBe(true);
    const r = validatePremium({ callPremium: 20, putPremium: 19.95, lotSize: 65, lots: 1, minCombinedPremium: 40 });
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('39.95');
  });
  it('applies a minimum premium per lot in paise', () => {
    // 40 × 65 = ₹2,600 per lot.
    expect(validatePremium({ callPremium: 20, putPremium: 20, lotSize: 65, lots: 1, minPremiumPerLotPaise: 260_000 }).ok).toBe(true);
    expect(validatePremium({ callPremium: 20, putPremium: 20, lotSize: 65, lots: 1, minPremiumPerLotPaise: 260_001 }).ok).toBe(false);
  });
  it('rejects negative prices and zero lots', () => {
    expect(() => validatePremium({ callPremium: -1, putPremium: 20, lotSize: 65, lots: 1 })).toThrow(DomainError);
    expect(() => validatePremium({ callPremium: 10, putPremium: 20, lotSize: 65, lots: 0 })).toThrow(DomainError);
  });
});

describe('periodTargetReached', () => {
  it('is reached at exactly the target and not one paisa below', () => {
    expect(periodTargetReached({ pnlPaise: 1_75_000 * 100, targetPaise: 1_75_000 * 100 })).toBe(true);
    expect(periodTargetReached({ pnlPaise: 1_75_000 * 100 - 1, targetPaise: 1_75_000 * 100 })).toBe(false);
  });
  it('rejects a zero target', () => {
    expect(() => periodTargetReached({ pnlPaise: 0, targetPaise: 0 })).toThrow(DomainError);
  });
});
