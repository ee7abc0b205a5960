import { DomainError } from '../errors/domain-error';
import { assertPositive } from '../validation/assert';
import { NSE_STRIKE_INTERVALS } from './instrument-facts.data';

/**
 * Strike interval (points) of `underlying`'s listed options (NIFTY: 50); `overrides` (e.g.
 * from the broker master) win over `NSE_STRIKE_INTERVALS`. Throws INVALID_ARGUMENT for an
 * unknown underlying or an interval that is not positive.
 */
export function strikeIntervalFor(underlying: string, overrides: Readonly<Record<string, number>> = {}): number {
  const interval = overrides[underlying] ?? NSE_STRIKE_INTERVALS[underlying];
  if (interval === undefined) {
    throw new DomainError('INVALID_ARGUMENT', `no strike interval known for underlying ${String(underlying)}`, { underlying });
  }
  assertPositive('strike interval', interval);
  return interval;
}

/**
 * Throws NOT_ON_GRID unless `strike` is a whole multiple of `interval` (24,550 is on the
 * 50-point grid, 24,525 is not), and INVALID_ARGUMENT unless both are finite and positive.
 */
export function assertStrikeOnGrid(strike: number, interval: number): void {
  assertPositive('strike', strike);
  assertPositive('interval', interval);
  const steps = strike / interval;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    throw new DomainError('NOT_ON_GRID', `strike ${strike} is not on the ${interval}-point strike grid`, { strike, interval });
  }
}
