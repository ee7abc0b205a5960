import { DomainError } from '../errors/domain-error';
import { assertFinite, assertInteger, assertPositive } from '../validation/assert';
import { cleanFloat } from './strike-grid';

/** Call or put, as NSE symbols write it. */
export type OptionLegType = 'CE' | 'PE';

/** One option leg of a position for delta purposes. */
export interface DeltaLeg {
  readonly type: OptionLegType;
  readonly strike: number;
  /** Units (lots × lot size), signed: NEGATIVE for a short leg. */
  readonly quantity: number;
  /** Option delta per unit: a call in [0, 1], a put in [−1, 0]. */
  readonly delta: number;
}

/** Throws INVALID_ARGUMENT unless the leg is well formed (delta sign matches the type). */
export function assertDeltaLeg(leg: DeltaLeg): void {
  assertPositive('strike', leg.strike);
  assertInteger('quantity', leg.quantity);
  assertFinite('delta', leg.delta);
  const ok = leg.type === 'CE' ? leg.delta >= 0 && leg.delta <= 1 : leg.type === 'PE' && leg.delta >= -1 && leg.delta <= 0;
  if (!ok) {
    throw new DomainError('INVALID_ARGUMENT', `a ${String(leg.type)} delta must be in ${leg.type === 'PE' ? '[-1, 0]' : '[0, 1]'}, got ${leg.delta}`, {
      type: leg.type,
      delta: leg.delta,
    });
  }
}

/** What {@link netDelta} needs of a leg: type and strike are optional (checked when given). */
export interface NetDeltaLeg {
  /** Units, signed: NEGATIVE for a short leg. */
  readonly quantity: number;
  /** Option delta per unit in [−1, 1]. */
  readonly delta: number;
  readonly type?: OptionLegType;
  readonly strike?: number;
}

/**
 * Net position delta in underlying units (DECISIONS §1 "Delta alert"): Σ quantity × delta
 * with quantity signed (short = negative). A short call therefore contributes negative
 * delta and a short put positive delta: 65 short 0.30-delta calls give −19.5.
 * Binary noise below 1e-9 is removed.
 *
 * @throws DomainError INVALID_ARGUMENT for a non-integer quantity, a delta outside [−1, 1],
 * or (when the leg names its type) a delta whose sign does not match it.
 */
export function netDelta(legs: readonly NetDeltaLeg[]): number {
  let sum = 0;
  for (const leg of legs) {
    if (leg.type !== undefined || leg.strike !== undefined) {
      assertDeltaLeg(leg as DeltaLeg);
    } else {
      assertInteger('quantity', leg.quantity);
      assertFinite('delta', leg.delta);
      if (leg.delta < -1 || leg.delta > 1) throw new DomainError('INVALID_ARGUMENT', `delta must be in [-1, 1], got ${leg.delta}`);
    }
    sum += leg.quantity * leg.delta;
  }
  return cleanFloat(sum) + 0; // + 0 turns −0 into 0
}
