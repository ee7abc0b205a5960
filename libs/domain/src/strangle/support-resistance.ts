import { DomainError } from '../errors/domain-error';
import { assertNonNegative, assertPositive } from '../validation/assert';
import { assertStranglePair, assertStrikeStep, ceilToStep, floorToStep } from './strike-grid';

/** Open interest at one strike. */
export interface StrikeOi {
  readonly strike: number;
  readonly oi: number;
}

/** Result of {@link supportResistanceFromOi}; a level is null when no strike qualifies. */
export interface OiLevels {
  /** Strike above spot with the highest call OI. */
  readonly resistance: number | null;
  readonly resistanceOi: number;
  /** Strike below spot with the highest put OI. */
  readonly support: number | null;
  readonly supportOi: number;
}

function highestOi(rows: readonly StrikeOi[], keep: (strike: number) => boolean, fartherIs: (a: number, b: number) => boolean) {
  let level: number | null = null;
  let levelOi = 0;
  for (const { strike, oi } of rows) {
    assertPositive('strike', strike);
    assertNonNegative('oi', oi);
    if (!keep(strike) || oi <= 0) continue;
    if (level === null || oi > levelOi || (oi === levelOi && fartherIs(strike, level))) {
      level = strike;
      levelOi = oi;
    }
  }
  return { level, levelOi };
}

/**
 * OI-derived levels: resistance = the strike strictly above spot with the highest call
 * OI, support = the strike strictly below spot with the highest put OI. Strikes with zero
 * OI never qualify. Ties go to the strike farther from spot, because these levels are used
 * only to push short strikes outwards (the conservative reading).
 *
 * @throws DomainError INVALID_ARGUMENT for a non-positive spot/strike or negative/NaN OI.
 */
export function supportResistanceFromOi(input: {
  spot: number;
  calls: readonly StrikeOi[];
  puts: readonly StrikeOi[];
}): OiLevels {
  const { spot, calls, puts } = input;
  assertPositive('spot', spot);
  const r = highestOi(calls, (k) => k > spot, (a, b) => a > b);
  const s = highestOi(puts, (k) => k < spot, (a, b) => a < b);
  return { resistance: r.level, resistanceOi: r.levelOi, support: s.level, supportOi: s.levelOi };
}

/** Inputs of {@link adjustStrikesForSupportResistance}. */
export interface SupportResistanceAdjustInput {
  readonly callStrike: number;
  readonly putStrike: number;
  readonly spot: number;
  /** Resistance level (null/undefined: no adjustment of the call). */
  readonly resistance?: number | null;
  /** Support level (null/undefined: no adjustment of the put). */
  readonly support?: number | null;
  /** Strike step in points. */
  readonly roundTo: number;
  /** Extra points beyond the level; default 0. */
  readonly bufferPoints?: number;
}

/** Strikes after an adjustment, with what moved and why. */
export interface AdjustedStrikes {
  readonly callStrike: number;
  readonly putStrike: number;
  readonly callMoved: boolean;
  readonly putMoved: boolean;
  readonly reason: string;
}

/**
 * Keeps the short strikes outside the OI walls (plan §5 "support/resistance adjustment";
 * the plan gives no formula, so this is the conservative design): a short call below
 * resistance + buffer moves UP to that level rounded up to the step; a short put above
 * support − buffer moves DOWN to that level rounded down. A strike already outside stays;
 * no strike is ever brought closer to spot. Levels on the wrong side of spot are ignored.
 *
 * @throws DomainError INVALID_ARGUMENT for put ≥ call, non-positive spot, bad step or
 * negative buffer.
 */
export function adjustStrikesForSupportResistance(input: SupportResistanceAdjustInput): AdjustedStrikes {
  const { callStrike, putStrike, spot, roundTo } = input;
  const buffer = input.bufferPoints ?? 0;
  assertStranglePair(callStrike, putStrike);
  assertPositive('spot', spot);
  assertStrikeStep(roundTo);
  assertNonNegative('bufferPoints', buffer);
  const notes: string[] = [];

  let call = callStrike;
  const r = input.resistance;
  if (r !== null && r !== undefined) {
    assertPositive('resistance', r);
    if (r > spot && callStrike < r + buffer) {
      call = ceilToStep(r + buffer, roundTo);
      notes.push(`call ${callStrike} → ${call}: inside resistance ${r}${buffer ? ` + ${buffer}` : ''}`);
    }
  }
  let put = putStrike;
  const s = input.support;
  if (s !== null && s !== undefined) {
    assertPositive('support', s);
    if (s < spot && putStrike > s - buffer) {
      put = floorToStep(s - buffer, roundTo);
      if (put <= 0) throw new DomainError('INVALID_ARGUMENT', `support ${s} − buffer ${buffer} leaves no positive put strike`);
      notes.push(`put ${putStrike} → ${put}: inside support ${s}${buffer ? ` − ${buffer}` : ''}`);
    }
  }
  const reason = notes.length ? `Moved outside OI levels: ${notes.join('; ')}` : 'Strikes already outside OI support/resistance';
  return { callStrike: call, putStrike: put, callMoved: call !== callStrike, putMoved: put !== putStrike, reason };
}
