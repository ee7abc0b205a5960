import { intrinsicValue, optionValue } from './option-value';

describe('optionValue', () => {
  const atm = { spot: 100, strike: 100, years: 1, rate: 0.05, vol: 0.2 };

  it('prices the textbook at-the-money call and put (Hull: 10.4506 and 5.5735)', () => {
    expect(optionValue({ ...atm, type: 'CE' })).toBeCloseTo(10.4506, 3);
    expect(optionValue({ ...atm, type: 'PE' })).toBeCloseTo(5.5735, 3);
  });

  it('keeps put-call parity: C − P = S − K·e^(−rT)', () => {
    const input = { spot: 24_350, strike: 24_000, years: 6 / 365, rate: 0.065, vol: 0.14 };
    const parity = optionValue({ ...input, type: 'CE' }) - optionValue({ ...input, type: 'PE' });
    expect(parity).toBeCloseTo(24_350 - 24_000 * Math.exp(-0.065 * (6 / 365)), 4);
  });

  it('is worth its intrinsic value at expiry', () => {
    expect(optionValue({ ...atm, years: 0, spot: 112, type: 'CE' })).toBe(12);
    expect(optionValue({ ...atm, years: 0, spot: 112, type: 'PE' })).toBe(0);
    expect(intrinsicValue('PE', 90, 100)).toBe(10);
  });

  it('draws a spot of 0 at the chart edge at its intrinsic value instead of throwing (the pricer refuses it)', () => {
    expect(optionValue({ ...atm, spot: 0, type: 'PE' })).toBe(100);
    expect(optionValue({ ...atm, spot: 0, type: 'CE' })).toBe(0);
  });
});
