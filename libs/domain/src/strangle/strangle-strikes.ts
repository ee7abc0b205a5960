import { DomainError } from '../errors/domain-error';
import { assertInteger, assertNonNegative, assertPositive } from '../validation/assert';
import { KOTAK_STRANGLE_DEFAULTS } from './strangle.defaults';
import { assertStrikeStep, cleanFloat, roundHalfUpToStep } from './strike-grid';

/** Volatility regime named by plan §5. */
export type VixRegime = 'NORMAL' | 'ELEVATED' | 'HIGH';

/** Inputs of {@link strangleStrikes}. */
export interface StrangleStrikesInput {
  /** NIFTY spot, points. */
  readonly spot: number;
  /** Calendar days to the chosen expiry, a whole number ≥ 1. */
  readonly daysToExpiry: number;
  /** India VIX. */
  readonly vix: number;
  /** Base distance per day, percent of spot; default 0.5. */
  readonly baseDeltaPct?: number;
  /** Strike step in points; default 100. */
  readonly roundTo?: number;
  /** VIX strictly above → elevated; default 15. */
  readonly vixElevatedAbove?: number;
  /** VIX strictly above → high; default 18. */
  readonly vixHighAbove?: number;
  /** Default 1.1. */
  readonly elevatedMultiplier?: number;
  /** Default 1.2. */
  readonly highMultiplier?: number;
}

/** Result of {@link strangleStrikes}. */
export interface StrangleStrikes {
  readonly callStrike: number;
  readonly putStrike: number;
  /** Points from spot to each raw strike (before rounding). */
  readonly strikeDistance: number;
  /** Percent of spot per day actually used. */
  readonly adjustedDeltaPct: number;
  readonly vixRegime: VixRegime;
  readonly reason: string;
}

/**
 * Short-strangle strikes, plan §5 "Core Strike Selection Formula":
 * adjustedDeltaPct = base × 1.2 if VIX > 18, × 1.1 if VIX > 15, else base (VIX exactly 15
 * is normal, exactly 18 is elevated); strikeDistance = spot × adjustedDeltaPct/100 × days;
 * call = round((spot + d)/roundTo)·roundTo, put = round((spot − d)/roundTo)·roundTo.
 *
 * Rounding is half-UP (towards +∞, JS `Math.round`), not Python's banker's rounding: a raw
 * strike exactly halfway goes to the higher strike (for the put that is the nearer one).
 * Binary noise is removed at 1e-9 so 24,000 × 0.55% × 4 is exactly 528.
 * Plan example: spot 24,000, 4 days, VIX 14 → distance 480, call 24,500, put 23,500.
 *
 * @throws DomainError INVALID_ARGUMENT for a non-positive spot, negative/NaN VIX,
 * daysToExpiry not a whole number ≥ 1 (the expiry rule forbids day 0), a bad step, or a
 * distance so large the put strike would not be positive.
 */
export function strangleStrikes(input: StrangleStrikesInput): StrangleStrikes {
  const d = KOTAK_STRANGLE_DEFAULTS;
  const { spot, daysToExpiry, vix } = input;
  const baseDeltaPct = input.baseDeltaPct ?? d.baseDeltaPct;
  const roundTo = input.roundTo ?? d.roundTo;
  const elevatedAbove = input.vixElevatedAbove ?? d.vixElevatedAbove;
  const highAbove = input.vixHighAbove ?? d.vixHighAbove;
  const elevatedMultiplier = input.elevatedMultiplier ?? d.elevatedMultiplier;
  const highMultiplier = input.highMultiplier ?? d.highMultiplier;

  assertPositive('spot', spot);
  assertNonNegative('vix', vix);
  assertPositive('baseDeltaPct', baseDeltaPct);
  assertPositive('elevatedMultiplier', elevatedMultiplier);
  assertPositive('highMultiplier', highMultiplier);
  assertStrikeStep(roundTo);
  assertInteger('daysToExpiry', daysToExpiry);
  if (daysToExpiry < 1) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `daysToExpiry must be at least 1 (options with < 1 day to expiry are skipped), got ${daysToExpiry}`,
      { daysToExpiry },
    );
  }

  let vixRegime: VixRegime;
  let multiplier: number;
  let reason: string;
  if (vix > highAbove) {
    [vixRegime, multiplier, reason] = ['HIGH', highMultiplier, 'High VIX - increasing strike distance for safety'];
  } else if (vix > elevatedAbove) {
    [vixRegime, multiplier, reason] = ['ELEVATED', elevatedMultiplier, 'Elevated VIX - slight increase in strike distance'];
  } else {
    [vixRegime, multiplier, reason] = ['NORMAL', 1, 'Normal VIX - standard strike distance'];
  }

  const adjustedDeltaPct = cleanFloat(baseDeltaPct * multiplier);
  const strikeDistance = cleanFloat((spot * adjustedDeltaPct * daysToExpiry) / 100);
  const callStrike = roundHalfUpToStep(spot + strikeDistance, roundTo);
  const putStrike = roundHalfUpToStep(spot - strikeDistance, roundTo);
  if (putStrike <= 0) {
    throw new DomainError('INVALID_ARGUMENT', `strike distance ${strikeDistance} leaves no positive put strike below spot ${spot}`, {
      spot,
      strikeDistance,
    });
  }
  return {
    callStrike,
    putStrike,
    strikeDistance,
    adjustedDeltaPct,
    vixRegime,
    reason: `${reason} (VIX ${vix}, ${adjustedDeltaPct}% × ${daysToExpiry} days = ${strikeDistance} points)`,
  };
}
