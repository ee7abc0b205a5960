import { DomainError } from '../errors/domain-error';
import { roughShortOptionMarginPaise } from './short-option-margin';

describe('roughShortOptionMarginPaise', () => {
  it('charges 12% of notional per short leg on a normal day', () => {
    // 24,000 × 65 = ₹15,60,000 notional per lot-leg; 12% = ₹1,87,200; two legs = ₹3,74,400.
    expect(roughShortOptionMarginPaise({ spot: 24_000, lotSize: 65, lots: 1, shortLegs: 2, isExpiryDay: false })).toBe(3_74_400 * 100);
  });

  it('adds 2% of notional per short leg on expiry day', () => {
    // 14% of ₹15,60,000 = ₹2,18,400 per leg; two legs = ₹4,36,800.
    expect(roughShortOptionMarginPaise({ spot: 24_000, lotSize: 65, lots: 1, shortLegs: 2, isExpiryDay: true })).toBe(4_36_800 * 100);
  });

  it('rejects a zero spot and a percentage given as 12', () => {
    expect(() => roughShortOptionMarginPaise({ spot: 0, lotSize: 65, lots: 1, shortLegs: 2, isExpiryDay: false })).toThrow(DomainError);
    expect(() =>
      roughShortOptionMarginPaise({ spot: 24_000, lotSize: 65, lots: 1, shortLegs: 2, isExpiryDay: false, marginPct: 12 }),
    ).toThrow(DomainError);
  });
});
