import { DomainError } from '../errors/domain-error';
import { assertPaise, Paise } from '../money/paise';

/**
 * True when the period's realised P&L has reached its profit target (DECISIONS §1: this
 * pauses new entries for the account until the period ends, if configured). Reaching is
 * `pnl ≥ target`, exact on paise.
 *
 * @throws DomainError INVALID_ARGUMENT for non-integer paise or a target ≤ 0.
 */
export function periodTargetReached(input: { pnlPaise: Paise; targetPaise: Paise }): boolean {
  assertPaise('pnlPaise', input.pnlPaise);
  assertPaise('targetPaise', input.targetPaise);
  if (input.targetPaise <= 0) throw new DomainError('INVALID_ARGUMENT', `targetPaise must be > 0, got ${input.targetPaise}`);
  return input.pnlPaise >= input.targetPaise;
}
