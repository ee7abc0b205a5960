import { DomainError } from '../errors/domain-error';
import { ICICI_RISK_DEFAULTS, KOTAK_RISK_DEFAULTS } from './account-risk.defaults';
import { usableMargin } from './usable-margin';

const CRORE = 1_00_00_000 * 100;
const LAKH = 1_00_000 * 100;

describe('usableMargin', () => {
  it('gives exactly ₹1.2 Cr (1,20,00,00,000 paise) on ₹6 Cr capital when the broker has more than the 40% cap', () => {
    // 40% × ₹6 Cr = ₹2.4 Cr cap; min(₹5 Cr, ₹2.4 Cr) = ₹2.4 Cr; 50% of it = ₹1.2 Cr.
    const paise = usableMargin({
      availableMarginPaise: 5 * CRORE,
      allocatedCapitalPaise: 6 * CRORE,
      maxMarginUsagePct: 0.4,
      marginInUsePaise: 0,
    });
    expect(paise).toBe(1_20_00_00_000);
    expect(Number.isInteger(paise)).toBe(true);
  });

  it('is limited by the broker available margin when that is below the cap', () => {
    // min(₹1 Cr, ₹2.4 Cr) = ₹1 Cr; half = ₹50 L.
    expect(
      usableMargin({ availableMarginPaise: 1 * CRORE, allocatedCapitalPaise: 6 * CRORE, maxMarginUsagePct: 0.4, marginInUsePaise: 0 }),
    ).toBe(50 * LAKH);
  });

  it('subtracts margin already in use before taking the first-trade fraction', () => {
    // (₹2.4 Cr − ₹40 L) × 0.5 = ₹1 Cr.
    expect(
      usableMargin({ availableMarginPaise: 3 * CRORE, allocatedCapitalPaise: 6 * CRORE, maxMarginUsagePct: 0.4, marginInUsePaise: 40 * LAKH }),
    ).toBe(1 * CRORE);
  });

  it('floors at zero when margin in use exceeds the cap or available margin is negative', () => {
    expect(
      usableMargin({ availableMarginPaise: 3 * CRORE, allocatedCapitalPaise: 6 * CRORE, maxMarginUsagePct: 0.4, marginInUsePaise: 3 * CRORE }),
    ).toBe(0);
    expect(
      usableMargin({ availableMarginPaise: -5_000, allocatedCapitalPaise: 6 * CRORE, maxMarginUsagePct: 0.4, marginInUsePaise: 0 }),
    ).toBe(0);
  });

  it('rounds an odd paisa down so the cap is never exceeded', () => {
    // min(101, 0.4 × 1000 = 400) = 101; 0.5 × 101 = 50.5 → 50.
    expect(usableMargin({ availableMarginPaise: 101, allocatedCapitalPaise: 1000, maxMarginUsagePct: 0.4, marginInUsePaise: 0 })).toBe(50);
  });

  it('honours a configurable first-trade fraction', () => {
    expect(
      usableMargin({
        availableMarginPaise: 5 * CRORE,
        allocatedCapitalPaise: 6 * CRORE,
        maxMarginUsagePct: 0.4,
        marginInUsePaise: 0,
        firstTradeFraction: 1,
      }),
    ).toBe(240 * LAKH);
  });

  it('treats maxMarginUsagePct as a fraction: 1 is allowed, 40 and 0 throw', () => {
    expect(usableMargin({ availableMarginPaise: 1000, allocatedCapitalPaise: 1000, maxMarginUsagePct: 1, marginInUsePaise: 0 })).toBe(500);
    for (const bad of [40, 1.0001, 0, -0.4, Number.NaN]) {
      expect(() =>
        usableMargin({ availableMarginPaise: 1000, allocatedCapitalPaise: 1000, maxMarginUsagePct: bad, marginInUsePaise: 0 }),
      ).toThrow(DomainError);
    }
  });

  it('rejects amounts that are not whole paise and negative capital or margin in use', () => {
    const base = { availableMarginPaise: 1000, allocatedCapitalPaise: 1000, maxMarginUsagePct: 0.4, marginInUsePaise: 0 };
    expect(() => usableMargin({ ...base, availableMarginPaise: 10.5 })).toThrow(DomainError);
    expect(() => usableMargin({ ...base, allocatedCapitalPaise: -1 })).toThrow(DomainError);
    expect(() => usableMargin({ ...base, marginInUsePaise: -1 })).toThrow(DomainError);
    expect(() => usableMargin({ ...base, firstTradeFraction: 0 })).toThrow(DomainError);
  });

  it('matches the Kotak defaults of plan §3', () => {
    expect(KOTAK_RISK_DEFAULTS.allocatedCapitalPaise).toBe(6_00_00_000 * 100);
    expect(KOTAK_RISK_DEFAULTS.perPositionStopPaise).toBe(1_00_000 * 100);
    expect(KOTAK_RISK_DEFAULTS.weeklyProfitTargetPaise).toBe(1_75_000 * 100);
    // DECISIONS §6: weekly loss limits ₹4 L (Kotak) and ₹3 L (ICICI), twice the daily ones.
    expect(KOTAK_RISK_DEFAULTS.weeklyLossLimitPaise).toBe(4_00_000 * 100);
    expect(ICICI_RISK_DEFAULTS.weeklyLossLimitPaise).toBe(3_00_000 * 100);
    expect(ICICI_RISK_DEFAULTS.weeklyLossLimitPaise).toBe(2 * ICICI_RISK_DEFAULTS.dailyLossLimitPaise);
    expect(
      usableMargin({
        availableMarginPaise: KOTAK_RISK_DEFAULTS.allocatedCapitalPaise,
        allocatedCapitalPaise: KOTAK_RISK_DEFAULTS.allocatedCapitalPaise,
        maxMarginUsagePct: KOTAK_RISK_DEFAULTS.maxMarginUsagePct,
        marginInUsePaise: 0,
        firstTradeFraction: KOTAK_RISK_DEFAULTS.firstTradeFraction,
      }),
    ).toBe(1_20_00_000 * 100);
  });
});
