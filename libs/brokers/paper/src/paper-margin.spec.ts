import { exposureMarginPaise, growingQuantity } from './paper-margin';
import { CALL, FUT } from './testing/paper-test-kit';

const params = { shortOptionPct: 0.12, expiryExtraPct: 0.02, futuresPct: 0.12 };

describe('paper margin approximation', () => {
  it('blocks 12% of the underlying notional for a short option', () => {
    // 2 lots of 65 at spot 24,500: notional ₹31,85,000 → 12% = ₹3,82,200.
    expect(exposureMarginPaise({ instrument: CALL, quantity: -130, price: 100, spot: 24500, isExpiryDay: false }, params)).toBe(382_200_00);
  });

  it('adds 2% of notional per short leg on the expiry day', () => {
    expect(exposureMarginPaise({ instrument: CALL, quantity: -130, price: 100, spot: 24500, isExpiryDay: true }, params)).toBe(382_200_00 + 63_700_00);
  });

  it('uses the strike when the spot is unknown', () => {
    expect(exposureMarginPaise({ instrument: CALL, quantity: -65, price: 100, isExpiryDay: false }, params)).toBe(195_000_00);
  });

  it('blocks the premium for a long option', () => {
    expect(exposureMarginPaise({ instrument: CALL, quantity: 65, price: 100.05, spot: 24500, isExpiryDay: true }, params)).toBe(10005 * 65);
  });

  it('blocks 12% of the contract notional for futures either way, with no expiry extra', () => {
    const long = exposureMarginPaise({ instrument: FUT, quantity: 65, price: 24600, isExpiryDay: true }, params);
    expect(long).toBe(191_880_00);
    expect(exposureMarginPaise({ instrument: FUT, quantity: -65, price: 24600, isExpiryDay: false }, params)).toBe(long);
  });

  it('counts only the part of an order that grows the position', () => {
    expect(growingQuantity(0, -65)).toBe(-65);
    expect(growingQuantity(-65, -65)).toBe(-65);
    expect(growingQuantity(-130, 65)).toBe(0);
    expect(growingQuantity(-65, 195)).toBe(130);
  });
});
