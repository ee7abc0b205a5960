import { DomainError } from '../errors/domain-error';
import { minCombinedPremiumFor, strangleRoundTrip } from './premium-economics';
import { KOTAK_STRANGLE_DEFAULTS, STRANGLE_PREMIUM_ECONOMICS } from './strangle.defaults';

const BASE = { date: '2026-12-01', lotSize: 65, targetPct: 70, executionCostPerFill: 0.5, brokeragePerOrderPaise: 0 };

describe('strangle premium economics', () => {
  it('prices one lot of a 15-point strangle taken to its 70% target (the arithmetic of docs/PARAMETERS.md)', () => {
    const r = strangleRoundTrip({ ...BASE, combinedPremium: 15 });
    // Target: 70% × 15 × 65 = ₹682.50. Execution: 4 fills × ₹0.50 × 65 = ₹130.
    expect(r).toEqual({ targetPaise: 68_250, chargesPaise: 198, executionPaise: 13_000, costPaise: 13_198 });
    expect(r.targetPaise).toBeGreaterThanOrEqual(5 * r.costPaise);
    expect(strangleRoundTrip({ ...BASE, combinedPremium: 14 }).targetPaise).toBeLessThan(5 * strangleRoundTrip({ ...BASE, combinedPremium: 14 }).costPaise);
  });

  it('charges grow with the premium but execution costs do not: the minimum is set by execution', () => {
    const small = strangleRoundTrip({ ...BASE, combinedPremium: 10 });
    const big = strangleRoundTrip({ ...BASE, combinedPremium: 40 });
    expect(big.chargesPaise).toBeGreaterThan(3 * small.chargesPaise);
    expect(big.executionPaise).toBe(small.executionPaise);
    // ICICI-like ₹20 brokerage per order adds 4 × ₹20 (+ GST) per lot.
    expect(strangleRoundTrip({ ...BASE, combinedPremium: 10, brokeragePerOrderPaise: 2000 }).chargesPaise - small.chargesPaise).toBe(4 * 2000 + 4 * 360);
  });

  it('derives the stored default from the dated cost model: the default minCombinedPremium is the smallest that covers costs 5×', () => {
    expect(minCombinedPremiumFor({ ...BASE, ...STRANGLE_PREMIUM_ECONOMICS, lotSize: 65, targetPct: KOTAK_STRANGLE_DEFAULTS.targetPct })).toBe(KOTAK_STRANGLE_DEFAULTS.minCombinedPremium);
    expect(minCombinedPremiumFor({ ...BASE, coverage: 5, executionCostPerFill: 1 })).toBe(29);
  });

  it('rejects nonsense', () => {
    expect(() => strangleRoundTrip({ ...BASE, combinedPremium: 0 })).toThrow(DomainError);
    expect(() => strangleRoundTrip({ ...BASE, combinedPremium: 10, targetPct: 0 })).toThrow(DomainError);
    expect(() => minCombinedPremiumFor({ ...BASE, coverage: 0.5 })).toThrow(DomainError);
    expect(() => minCombinedPremiumFor({ ...BASE, coverage: 1000, executionCostPerFill: 100 })).toThrow(/no combined premium/);
  });
});
