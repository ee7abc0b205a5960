import { DomainError } from '../errors/domain-error';
import { assertInteger } from '../validation/assert';

/** Removes binary noise below 1e-9 (e.g. 24,479.999999999996 → 24,480) before rounding. */
export function cleanFloat(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Throws INVALID_ARGUMENT unless `roundTo` is a whole number of points ≥ 1. */
export function assertStrikeStep(roundTo: number): void {
  assertInteger('roundTo', roundTo, { min: 1 });
}

/**
 * `value` rounded to the nearest multiple of `step`, ties rounded UP (towards +∞, like
 * JS `Math.round`, unlike Python's banker's rounding): 24,450 → 24,500 at step 100.
 */
export function roundHalfUpToStep(value: number, step: number): number {
  return Math.floor(cleanFloat(value / step) + 0.5) * step;
}

/** Smallest multiple of `step` that is ≥ `value`. */
export function ceilToStep(value: number, step: number): number {
  return Math.ceil(cleanFloat(value / step)) * step;
}

/** Largest multiple of `step` that is ≤ `value`. */
export function floorToStep(value: number, step: number): number {
  return Math.floor(cleanFloat(value / step)) * step;
}

/** Throws INVALID_ARGUMENT unless put < call and both are positive strikes. */
export function assertStranglePair(callStrike: number, putStrike: number): void {
  if (!Number.isFinite(callStrike) || !Number.isFinite(putStrike) || putStrike <= 0 || callStrike <= putStrike) {
    throw new DomainError('INVALID_ARGUMENT', `need 0 < putStrike < callStrike, got put ${putStrike}, call ${callStrike}`, {
      callStrike,
      putStrike,
    });
  }
}
