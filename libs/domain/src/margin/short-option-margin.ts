import { DomainError } from '../errors/domain-error';
import { fractionOfPaise, notionalPaise, Paise } from '../money/paise';
import { assertInteger, assertPositive } from '../validation/assert';

/** Inputs of {@link roughShortOptionMarginPaise}. */
export interface RoughShortOptionMarginInput {
  /** Underlying level (NIFTY points). */
  readonly spot: number;
  /** Units per lot (NIFTY 65 from Jan 2026). */
  readonly lotSize: number;
  /** Lots per short leg. */
  readonly lots: number;
  /** Number of short legs (2 for a strangle). */
  readonly shortLegs: number;
  /** True on the contract's expiry day (extra ELM applies). */
  readonly isExpiryDay: boolean;
  /** Margin per short leg as a fraction of notional; default 0.12 (DECISIONS §2). */
  readonly marginPct?: number;
  /** Extra ELM per short leg on expiry day as a fraction of notional; default 0.02. */
  readonly expiryExtraPct?: number;
}

/**
 * A ROUGH margin estimate for short index options (DECISIONS.md §2: ≈12% of notional per
 * short lot, +2% per short leg on expiry day), for paper trading and the simulator only;
 * live trading must use the broker's margin API. Rounded down to the paisa.
 *
 * @throws DomainError INVALID_ARGUMENT for non-positive spot/lot size, non-integer lots or
 * legs, or percentages outside [0, 1].
 */
export function roughShortOptionMarginPaise(input: RoughShortOptionMarginInput): Paise {
  const { spot, lotSize, lots, shortLegs, isExpiryDay } = input;
  const marginPct = input.marginPct ?? 0.12;
  const expiryExtraPct = input.expiryExtraPct ?? 0.02;
  assertPositive('spot', spot);
  assertInteger('lotSize', lotSize, { min: 1 });
  assertInteger('lots', lots, { min: 0 });
  assertInteger('shortLegs', shortLegs, { min: 0 });
  for (const [name, v] of [['marginPct', marginPct], ['expiryExtraPct', expiryExtraPct]] as const) {
    if (!Number.isFinite(v) || v < 0 || v > 1) {
      throw new DomainError('INVALID_ARGUMENT', `${name} is a fraction in [0, 1], got ${v}`);
    }
  }
  const legNotional = notionalPaise(spot, lotSize * lots);
  const perLeg = fractionOfPaise(legNotional, marginPct) + (isExpiryDay ? fractionOfPaise(legNotional, expiryExtraPct) : 0);
  return perLeg * shortLegs;
}
