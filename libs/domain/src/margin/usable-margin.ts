import { DomainError } from '../errors/domain-error';
import { assertPaise, fractionOfPaise, Paise } from '../money/paise';
import { assertFinite } from '../validation/assert';

/** Inputs of {@link usableMargin}. Amounts in paise. */
export interface UsableMarginInput {
  /** Margin the broker reports as available now (may be negative during a shortfall). */
  readonly availableMarginPaise: Paise;
  /** Capital allocated to the account. */
  readonly allocatedCapitalPaise: Paise;
  /**
   * The margin cap as a FRACTION of allocated capital in (0, 1]: 0.40 means 40%
   * (Kotak's `max_margin_usage`). Despite the name this is not a percentage; 40 is rejected.
   */
  readonly maxMarginUsagePct: number;
  /** Margin already blocked by open positions/orders. */
  readonly marginInUsePaise: Paise;
  /** Share of the headroom a first trade may take, in (0, 1]; default 0.5 (the 50% rule). */
  readonly firstTradeFraction?: number;
}

function assertFraction(name: string, value: number): void {
  assertFinite(name, value);
  if (value <= 0 || value > 1) {
    throw new DomainError('INVALID_ARGUMENT', `${name} is a fraction in (0, 1] (0.40 means 40%), got ${value}`, {
      [name]: value,
    });
  }
}

/**
 * Margin a new (first) trade may use, DECISIONS.md §1 "Kotak margin":
 * `firstTradeFraction × (min(available, maxMarginUsagePct × allocated) − inUse)`, floored at 0.
 *
 * Exact integer arithmetic (BigInt ratios through `fractionOfPaise`), rounded DOWN to the
 * paisa at each step so a cap is never exceeded by rounding.
 * Example: ₹6 Cr allocated, ₹5 Cr available, nothing in use, 0.40 → 0.5 × ₹2.4 Cr = ₹1.2 Cr.
 *
 * @throws DomainError INVALID_ARGUMENT when an amount is not whole paise, capital or
 * margin in use is negative, or `maxMarginUsagePct` / `firstTradeFraction` is outside (0, 1].
 */
export function usableMargin(input: UsableMarginInput): Paise {
  const { availableMarginPaise, allocatedCapitalPaise, maxMarginUsagePct, marginInUsePaise } = input;
  const firstTradeFraction = input.firstTradeFraction ?? 0.5;
  assertPaise('availableMarginPaise', availableMarginPaise);
  assertPaise('allocatedCapitalPaise', allocatedCapitalPaise);
  assertPaise('marginInUsePaise', marginInUsePaise);
  if (allocatedCapitalPaise < 0) {
    throw new DomainError('INVALID_ARGUMENT', `allocatedCapitalPaise must not be negative, got ${allocatedCapitalPaise}`);
  }
  if (marginInUsePaise < 0) {
    throw new DomainError('INVALID_ARGUMENT', `marginInUsePaise must not be negative, got ${marginInUsePaise}`);
  }
  assertFraction('maxMarginUsagePct', maxMarginUsagePct);
  assertFraction('firstTradeFraction', firstTradeFraction);

  const cap = fractionOfPaise(allocatedCapitalPaise, maxMarginUsagePct);
  const headroom = Math.min(availableMarginPaise, cap) - marginInUsePaise;
  if (headroom <= 0) return 0;
  return fractionOfPaise(headroom, firstTradeFraction);
}
