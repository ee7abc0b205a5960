import { DomainError } from '../errors/domain-error';
import { assertInteger } from '../validation/assert';
import { assertIsoDate, daysBetween, type IsoDate } from '../time/ist-date';

/** Inputs of an expiry choice: today's IST date, the listed expiries, the minimum calendar days left. */
export interface SelectExpiryInput {
  readonly today: IsoDate;
  readonly expiries: readonly IsoDate[];
  readonly minDaysToExpiry?: number;
}

/** The chosen expiry, its calendar days from today, and whether the nearest one was passed over (and why). */
export interface ExpirySelection {
  readonly expiry: IsoDate;
  readonly daysToExpiry: number;
  readonly skipped: boolean;
  readonly reason: string;
}

function selectExpiry(input: SelectExpiryInput, defaultMin: number, what: string): ExpirySelection {
  if (!input || typeof input !== 'object') throw new DomainError('INVALID_ARGUMENT', `${what}: input is required`);
  const today = assertIsoDate(input.today);
  const min = input.minDaysToExpiry ?? defaultMin;
  assertInteger('minDaysToExpiry', min, { min: 0 });
  if (!Array.isArray(input.expiries)) throw new DomainError('INVALID_ARGUMENT', `${what}: expiries must be a list of dates`);
  const upcoming = [...new Set(input.expiries.map((e) => assertIsoDate(e)))]
    .filter((e) => daysBetween(today, e) >= 0)
    .sort();
  if (upcoming.length === 0) {
    throw new DomainError('NO_EXPIRY_AVAILABLE', `${what}: no expiry on or after ${today}`, { today });
  }
  const nearest = upcoming[0];
  const nearestDays = daysBetween(today, nearest);
  const chosen = upcoming.find((e) => daysBetween(today, e) >= min);
  if (!chosen) {
    throw new DomainError('NO_EXPIRY_AVAILABLE', `${what}: no expiry at least ${min} day(s) after ${today} (latest listed ${upcoming[upcoming.length - 1]})`, {
      today,
      minDaysToExpiry: min,
    });
  }
  const days = daysBetween(today, chosen);
  if (chosen === nearest) {
    return { expiry: chosen, daysToExpiry: days, skipped: false, reason: `nearest expiry ${chosen} is ${days} day(s) away (minimum ${min})` };
  }
  return {
    expiry: chosen,
    daysToExpiry: days,
    skipped: true,
    reason: `nearest expiry ${nearest} is ${nearestDays} day(s) away, fewer than the minimum ${min}: skipped to ${chosen} (${days} day(s))`,
  };
}

/**
 * The option expiry to trade: the nearest listed expiry on or after `today`, unless fewer than
 * `minDaysToExpiry` (default 1) calendar days remain, then the next one that has enough. So on
 * expiry day (0 days) the next expiry is taken; the day before (1 day) the nearest is kept.
 * Throws INVALID_DATE / INVALID_ARGUMENT on bad input and NO_EXPIRY_AVAILABLE if none qualifies.
 */
export function selectOptionExpiry(input: SelectExpiryInput): ExpirySelection {
  return selectExpiry(input, 1, 'option expiry');
}

/**
 * The futures expiry to trade: as `selectOptionExpiry` with a default minimum of 15 calendar
 * days, so a contract in its last fortnight is rolled to the next month.
 * Throws INVALID_DATE / INVALID_ARGUMENT on bad input and NO_EXPIRY_AVAILABLE if none qualifies.
 */
export function selectFuturesExpiry(input: SelectExpiryInput): ExpirySelection {
  return selectExpiry(input, 15, 'futures expiry');
}
