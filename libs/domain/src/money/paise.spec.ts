import { DomainError } from '../errors/domain-error';
import { formatPaise, fractionOfPaise, mulDivPaise, notionalPaise, paiseOfPrice, parseRupees, rupees } from './paise';

describe('paise', () => {
  it('parses rupee text exactly, with Indian grouping and up to two decimals', () => {
    expect(parseRupees('6,00,00,000')).toBe(6_00_00_000_00);
    expect(parseRupees('1234.5')).toBe(123_450);
    expect(parseRupees('-0.05')).toBe(-5);
    expect(() => parseRupees('1.005')).toThrow(DomainError);
    expect(() => parseRupees('abc')).toThrow(DomainError);
  });

  it('formats paise with Indian grouping', () => {
    expect(formatPaise(6_00_00_000_00)).toBe('₹6,00,00,000.00');
    expect(formatPaise(-12_345)).toBe('-₹123.45');
  });

  it('turns quoted prices into whole paise without binary drift', () => {
    expect(paiseOfPrice(120.55)).toBe(12_055);
    expect(paiseOfPrice(0.1 + 0.2)).toBe(30);
    expect(notionalPaise(24_512.35, 65)).toBe(2_451_235 * 65);
    expect(rupees(100)).toBe(10_000);
  });

  it('applies exact rates and caps without exceeding them', () => {
    // 0.03553% of ₹65,000 = ₹23.0945 → 2,309 paise (half away from zero).
    expect(mulDivPaise(6_500_000, 3_553, 10_000_000)).toBe(2_309);
    expect(mulDivPaise(-6_500_000, 3_553, 10_000_000)).toBe(-2_309);
    expect(fractionOfPaise(6_00_00_000_00, 0.4)).toBe(2_40_00_000_00);
    expect(fractionOfPaise(3, 0.5)).toBe(1); // rounded down: a cap is never exceeded
    expect(() => mulDivPaise(100, 1, 0)).toThrow(DomainError);
  });
});
