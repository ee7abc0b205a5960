import { DomainError } from '../errors/domain-error';
import { freezeQuantityFor } from './freeze-quantity';
import { tickSize } from './instrument-facts.data';
import { sliceQuantity } from './slice-quantity';
import { assertStrikeOnGrid, strikeIntervalFor } from './strike-interval';
import { isOnTick, roundToTick } from './tick-size';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

describe('freeze quantity and order slicing', () => {
  it('freezes NIFTY orders above 1,800 units, unless the broker master says otherwise', () => {
    expect(freezeQuantityFor({ underlying: 'NIFTY', date: '2026-08-03' })).toBe(1800);
    expect(freezeQuantityFor({ underlying: 'NIFTY', date: '2026-08-03', override: 1755 })).toBe(1755);
    expect(codeOf(() => freezeQuantityFor({ underlying: 'SENSEX', date: '2026-08-03' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => freezeQuantityFor({ underlying: 'NIFTY', date: '2026-8-3' }))).toBe('INVALID_DATE');
  });

  it('keeps an order at or below the freeze quantity whole', () => {
    expect(sliceQuantity({ quantity: 1755, lotSize: 65, freezeQuantity: 1800 })).toEqual([1755]);
    expect(sliceQuantity({ quantity: 1800, lotSize: 75, freezeQuantity: 1800 })).toEqual([1800]);
    expect(sliceQuantity({ quantity: 65, lotSize: 65, freezeQuantity: 1800 })).toEqual([65]);
  });

  it('slices an order above the freeze quantity into whole lots of at most 27 lots of 65', () => {
    const slices = sliceQuantity({ quantity: 60 * 65, lotSize: 65, freezeQuantity: 1800 });
    expect(slices).toEqual([1755, 1755, 390]);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(3900);
    for (const s of slices) {
      expect(s % 65).toBe(0);
      expect(s).toBeLessThanOrEqual(1800);
    }
    expect(sliceQuantity({ quantity: 28 * 65, lotSize: 65, freezeQuantity: 1800 })).toEqual([1755, 65]);
  });

  it('slices at exactly the freeze quantity when it is a whole number of lots', () => {
    expect(sliceQuantity({ quantity: 3675, lotSize: 75, freezeQuantity: 1800 })).toEqual([1800, 1800, 75]);
  });

  it.each([
    ['a part lot', { quantity: 100, lotSize: 65, freezeQuantity: 1800 }],
    ['zero units', { quantity: 0, lotSize: 65, freezeQuantity: 1800 }],
    ['negative units', { quantity: -65, lotSize: 65, freezeQuantity: 1800 }],
    ['a fractional lot size', { quantity: 130, lotSize: 6.5, freezeQuantity: 1800 }],
    ['a NaN quantity', { quantity: NaN, lotSize: 65, freezeQuantity: 1800 }],
    ['a freeze below one lot', { quantity: 130, lotSize: 65, freezeQuantity: 60 }],
  ])('refuses to slice %s', (_label, input) => {
    expect(codeOf(() => sliceQuantity(input))).toBe('INVALID_ARGUMENT');
  });
});

describe('tick size', () => {
  it('is five paise', () => {
    expect(tickSize).toBe(0.05);
  });

  it('recognises prices on the 0.05 grid despite binary noise', () => {
    expect(isOnTick(123.45)).toBe(true);
    expect(isOnTick(0.1 + 0.2)).toBe(true);
    expect(isOnTick(0.31)).toBe(false);
    expect(isOnTick(0.15 + 0.05)).toBe(true);
    expect(isOnTick(0)).toBe(true);
    expect(isOnTick(123.47)).toBe(false);
  });

  it('rounds up, down and to the nearest tick without binary noise', () => {
    expect(roundToTick(123.47, 'UP')).toBe(123.5);
    expect(roundToTick(123.47, 'DOWN')).toBe(123.45);
    expect(roundToTick(123.47, 'NEAREST')).toBe(123.45);
    expect(roundToTick(123.475, 'NEAREST')).toBe(123.5);
    expect(roundToTick(123.48, 'NEAREST')).toBe(123.5);
    expect(roundToTick(0.1 + 0.2, 'DOWN')).toBe(0.3);
  });

  it('leaves a price already on tick unchanged in every mode', () => {
    for (const mode of ['UP', 'DOWN', 'NEAREST'] as const) expect(roundToTick(245.35, mode)).toBe(245.35);
  });

  it.each([
    ['a NaN price', () => isOnTick(NaN)],
    ['a negative price', () => roundToTick(-1, 'UP')],
    ['an infinite price', () => roundToTick(Infinity, 'DOWN')],
    ['a zero tick', () => isOnTick(1, 0)],
    ['an unknown mode', () => roundToTick(1, 'HALF_EVEN' as 'UP')],
  ])('rejects %s', (_label, fn) => {
    expect(codeOf(fn)).toBe('INVALID_ARGUMENT');
  });
});

describe('strike grid', () => {
  it('has NIFTY strikes 50 points apart, overridable', () => {
    expect(strikeIntervalFor('NIFTY')).toBe(50);
    expect(strikeIntervalFor('BANKNIFTY', { BANKNIFTY: 100 })).toBe(100);
    expect(codeOf(() => strikeIntervalFor('BANKNIFTY'))).toBe('INVALID_ARGUMENT');
  });

  it('accepts strikes on the grid and throws NOT_ON_GRID for the others', () => {
    expect(() => assertStrikeOnGrid(24550, 50)).not.toThrow();
    expect(() => assertStrikeOnGrid(24500, 100)).not.toThrow();
    expect(codeOf(() => assertStrikeOnGrid(24525, 50))).toBe('NOT_ON_GRID');
    expect(codeOf(() => assertStrikeOnGrid(24550, 100))).toBe('NOT_ON_GRID');
  });

  it.each([
    ['a NaN strike', () => assertStrikeOnGrid(NaN, 50)],
    ['a negative strike', () => assertStrikeOnGrid(-24500, 50)],
    ['a zero interval', () => assertStrikeOnGrid(24500, 0)],
  ])('rejects %s', (_label, fn) => {
    expect(codeOf(fn)).toBe('INVALID_ARGUMENT');
  });
});
