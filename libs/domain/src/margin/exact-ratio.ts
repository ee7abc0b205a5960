import { DomainError } from '../errors/domain-error';

/** Scale of {@link scaledRatio}: fractions are exact to 9 decimals. */
export const RATIO_SCALE = 1_000_000_000n;

/**
 * A decimal fraction such as 0.005 or 0.99 as an exact BigInt numerator over
 * {@link RATIO_SCALE}, so comparisons like `price ≤ avg × 0.99` are done without binary
 * rounding error. @throws DomainError INVALID_ARGUMENT for a non-finite value.
 */
export function scaledRatio(name: string, fraction: number): bigint {
  if (!Number.isFinite(fraction)) throw new DomainError('INVALID_ARGUMENT', `${name} must be a finite number, got ${fraction}`);
  return BigInt(Math.round(fraction * 1e9));
}

/** True when `amount ≥ fraction × base` exactly (integers, e.g. paise). */
export function atLeastFractionOf(amount: number, fraction: number, base: number): boolean {
  return BigInt(amount) * RATIO_SCALE >= scaledRatio('fraction', fraction) * BigInt(base);
}

/** ⌊a / b⌋ for non-negative integers, exact in BigInt (safe for any paise amounts). */
export function floorDiv(a: bigint, b: bigint): bigint {
  if (b <= 0n || a < 0n) throw new DomainError('INVALID_ARGUMENT', `floorDiv needs a ≥ 0 and b > 0, got ${a} / ${b}`);
  return a / b;
}

/** ⌈a / b⌉ for non-negative integers, exact in BigInt. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (b <= 0n || a < 0n) throw new DomainError('INVALID_ARGUMENT', `ceilDiv needs a ≥ 0 and b > 0, got ${a} / ${b}`);
  return (a + b - 1n) / b;
}
