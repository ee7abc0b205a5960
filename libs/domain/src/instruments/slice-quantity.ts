import { DomainError } from '../errors/domain-error';
import { assertInteger } from '../validation/assert';

/** Inputs of `sliceQuantity`, all in units (not lots). */
export interface SliceQuantityInput {
  readonly quantity: number;
  readonly lotSize: number;
  readonly freezeQuantity: number;
}

/**
 * Splits an order of `quantity` units into exchange-acceptable slices: each a whole number of
 * lots and at most `freezeQuantity` units. Slices are as large as allowed, the remainder
 * last (NIFTY, lot 65, freeze 1,800: 3,900 → [1755, 1755, 390]); they sum to `quantity`.
 * Throws INVALID_ARGUMENT unless all are whole numbers ≥ 1, `quantity` is a whole number of
 * lots and the freeze quantity holds at least one lot.
 */
export function sliceQuantity(input: SliceQuantityInput): number[] {
  if (!input || typeof input !== 'object') throw new DomainError('INVALID_ARGUMENT', 'sliceQuantity needs { quantity, lotSize, freezeQuantity }');
  const { quantity, lotSize, freezeQuantity } = input;
  assertInteger('quantity', quantity, { min: 1 });
  assertInteger('lotSize', lotSize, { min: 1 });
  assertInteger('freezeQuantity', freezeQuantity, { min: 1 });
  if (quantity % lotSize !== 0) {
    throw new DomainError('INVALID_ARGUMENT', `quantity ${quantity} is not a whole number of lots of ${lotSize}`, { quantity, lotSize });
  }
  const maxSlice = Math.floor(freezeQuantity / lotSize) * lotSize;
  if (maxSlice === 0) {
    throw new DomainError('INVALID_ARGUMENT', `freeze quantity ${freezeQuantity} is smaller than one lot of ${lotSize}`, { freezeQuantity, lotSize });
  }
  const slices: number[] = [];
  for (let left = quantity; left > 0; left -= Math.min(left, maxSlice)) slices.push(Math.min(left, maxSlice));
  return slices;
}
