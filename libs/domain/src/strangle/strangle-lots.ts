import { DomainError } from '../errors/domain-error';
import { assertPaise, Paise } from '../money/paise';
import { assertInteger } from '../validation/assert';

/**
 * Whole strangle lots that fit the usable margin: ⌊usableMarginPaise / marginPerLotPaise⌋
 * (margin per lot = both short legs), capped at `maxLots` when given. 0 means "cannot
 * trade". Exact integer division.
 *
 * @throws DomainError INVALID_ARGUMENT for non-integer paise, negative usable margin,
 * non-positive margin per lot, or `maxLots` not a whole number ≥ 0.
 */
export function strangleLots(input: { usableMarginPaise: Paise; marginPerLotPaise: Paise; maxLots?: number }): number {
  const { usableMarginPaise, marginPerLotPaise, maxLots } = input;
  assertPaise('usableMarginPaise', usableMarginPaise);
  assertPaise('marginPerLotPaise', marginPerLotPaise);
  if (usableMarginPaise < 0) throw new DomainError('INVALID_ARGUMENT', `usableMarginPaise must not be negative, got ${usableMarginPaise}`);
  if (marginPerLotPaise <= 0) throw new DomainError('INVALID_ARGUMENT', `marginPerLotPaise must be > 0, got ${marginPerLotPaise}`);
  const lots = Number(BigInt(usableMarginPaise) / BigInt(marginPerLotPaise));
  if (maxLots === undefined) return lots;
  assertInteger('maxLots', maxLots, { min: 0 });
  return Math.min(lots, maxLots);
}
