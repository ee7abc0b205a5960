import { bigintNumberTransformer } from './bigint-number.transformer';

describe('bigintNumberTransformer', () => {
  it('reads PostgreSQL bigint strings and SQLite numbers as numbers', () => {
    expect(bigintNumberTransformer.from('6000000000')).toBe(6_000_000_000);
    expect(bigintNumberTransformer.from(-125)).toBe(-125);
    expect(bigintNumberTransformer.from(null)).toBeNull();
  });

  it('refuses stored values beyond the safe integer range instead of rounding them', () => {
    expect(() => bigintNumberTransformer.from('9007199254740993')).toThrow(/not a safe integer/);
  });

  it('refuses to write fractions, NaN and strings', () => {
    expect(() => bigintNumberTransformer.to(10.5)).toThrow(/safe integer/);
    expect(() => bigintNumberTransformer.to(Number.NaN)).toThrow(/safe integer/);
    expect(() => bigintNumberTransformer.to('100')).toThrow(/safe integer/);
    expect(bigintNumberTransformer.to(0)).toBe(0);
    expect(bigintNumberTransformer.to(null)).toBeNull();
  });
});
