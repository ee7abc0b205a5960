import { DomainError } from '../errors/domain-error';
import { assertInteger } from '../validation/assert';
import { AdjustedStrikes } from './support-resistance';
import { assertStranglePair, assertStrikeStep } from './strike-grid';

/** Market bias used to widen the threatened side of a strangle. */
export type DirectionalBias = 'BULLISH' | 'BEARISH' | 'NEUTRAL';

/** Inputs of {@link adjustStrikesForDirectionalBias}. */
export interface DirectionalBiasAdjustInput {
  readonly callStrike: number;
  readonly putStrike: number;
  readonly bias: DirectionalBias;
  /** Strike step in points. */
  readonly roundTo: number;
  /** How many steps to widen the threatened side; default 1. */
  readonly shiftSteps?: number;
}

/**
 * Widens the side a directional view threatens (plan §5 "directional bias adjustment"; the
 * plan gives no formula): BULLISH moves the short call `shiftSteps × roundTo` further up,
 * BEARISH moves the short put as far down, NEUTRAL changes nothing. The other side is left
 * alone: no strike is ever brought closer to spot.
 *
 * @throws DomainError INVALID_ARGUMENT for put ≥ call, a bad step, a negative or
 * non-integer `shiftSteps`, an unknown bias, or a put pushed to zero or below.
 */
export function adjustStrikesForDirectionalBias(input: DirectionalBiasAdjustInput): AdjustedStrikes {
  const { callStrike, putStrike, bias, roundTo } = input;
  const shiftSteps = input.shiftSteps ?? 1;
  assertStranglePair(callStrike, putStrike);
  assertStrikeStep(roundTo);
  assertInteger('shiftSteps', shiftSteps, { min: 0 });
  const shift = shiftSteps * roundTo;
  switch (bias) {
    case 'NEUTRAL':
      return { callStrike, putStrike, callMoved: false, putMoved: false, reason: 'Neutral bias - strikes unchanged' };
    case 'BULLISH':
      return {
        callStrike: callStrike + shift,
        putStrike,
        callMoved: shift > 0,
        putMoved: false,
        reason: `Bullish bias - call widened ${callStrike} → ${callStrike + shift}`,
      };
    case 'BEARISH': {
      const put = putStrike - shift;
      if (put <= 0) throw new DomainError('INVALID_ARGUMENT', `shifting put ${putStrike} by ${shift} leaves no positive strike`);
      return {
        callStrike,
        putStrike: put,
        callMoved: false,
        putMoved: shift > 0,
        reason: `Bearish bias - put widened ${putStrike} → ${put}`,
      };
    }
    default:
      throw new DomainError('INVALID_ARGUMENT', `bias must be BULLISH, BEARISH or NEUTRAL, got ${String(bias)}`);
  }
}
