import { DomainError } from '@mcube/domain';

/**
 * The U-shaped intraday activity of NSE (busy open and close, quiet lunch): activity at session
 * fraction x ∈ [0, 1] is proportional to 1 + a·(2x − 1)². Volume and variance follow it.
 */
export const INTRADAY_U_SHAPE = 2;

/**
 * Share of the session's activity between its start and fraction `x` of it (0 → 0, 1 → 1),
 * the integral of the U-shaped profile. Throws INVALID_ARGUMENT outside [0, 1].
 */
export function cumulativeActivity(x: number, shape: number = INTRADAY_U_SHAPE): number {
  if (!(x >= 0 && x <= 1)) throw new DomainError('INVALID_ARGUMENT', `session fraction must be in [0, 1], got ${x}`, { x });
  const raw = x + (shape * ((2 * x - 1) ** 3 + 1)) / 6;
  return raw / (1 + shape / 3);
}

/** Share of the session's activity between fractions `from` and `to` (from ≤ to). */
export function activityBetween(from: number, to: number, shape: number = INTRADAY_U_SHAPE): number {
  return cumulativeActivity(to, shape) - cumulativeActivity(from, shape);
}
