import { DomainError } from '../errors/domain-error';
import { assertIsoDate, compareDates, type IsoDate } from '../time/ist-date';
import type { NseCalendar } from './calendar.types';

/** One expiry date and where it comes from. */
export interface SourcedExpiry {
  readonly date: IsoDate;
  /** false: computed by the dated rules over days whose holidays are not known (assumed). */
  readonly confirmed: boolean;
  readonly source: 'INSTRUMENT_MASTER' | 'DATED_RULES';
}

/**
 * Where expiry dates come from (DECISIONS §6): a loaded broker instrument master is the
 * authority for the underlyings it lists; the calendar's dated rules answer otherwise. An open
 * position never asks: its expiry is its contract's own date. Implementations are pure lookups
 * over data loaded beforehand; both methods throw INVALID_DATE / INVALID_ARGUMENT on bad input.
 */
export interface ExpirySource {
  /** Every expiry of `underlying` in [from, to], ascending. */
  expiriesBetween(underlying: string, from: IsoDate, to: IsoDate): SourcedExpiry[];
  /** Whether `expiry` of `underlying` can be vouched for (listed by a loaded master, or confirmed by the calendar). */
  isConfirmedExpiry(underlying: string, expiry: IsoDate): boolean;
}

/** The calendar's rule key of an underlying: itself when it has rules, else 'STOCK' (a single stock). */
function ruleKey(calendar: NseCalendar, underlying: string): string {
  if (typeof underlying !== 'string' || underlying.trim() === '') throw new DomainError('INVALID_ARGUMENT', 'underlying is required');
  const u = underlying.trim().toUpperCase();
  return calendar.hasExpiryRules(u) ? u : 'STOCK';
}

/** The expiries of the calendar's dated rules (single stocks use the 'STOCK' rules), confirmed or assumed as the calendar says. */
export function calendarExpirySource(calendar: NseCalendar): ExpirySource {
  return {
    expiriesBetween: (underlying, from, to) =>
      calendar.expiriesWithStatus(ruleKey(calendar, underlying), from, to).map((e) => ({ date: e.date, confirmed: e.confirmed, source: 'DATED_RULES' as const })),
    isConfirmedExpiry: (underlying, expiry) => calendar.isConfirmedExpiry(ruleKey(calendar, underlying), expiry),
  };
}

/** A contract of a loaded instrument master, as far as expiries go. */
export interface MasterContract {
  readonly underlying: string;
  readonly expiry: IsoDate;
}

/**
 * A loaded instrument master in front of `fallback`: for an underlying the master lists, its
 * expiries are the only ones (all confirmed); any other underlying goes to `fallback`. Throws
 * INVALID_DATE for a contract with a malformed expiry.
 */
export function instrumentMasterExpirySource(contracts: readonly MasterContract[], fallback: ExpirySource): ExpirySource {
  const byUnderlying = new Map<string, Set<IsoDate>>();
  for (const c of contracts) {
    const u = c.underlying.trim().toUpperCase();
    const set = byUnderlying.get(u) ?? new Set<IsoDate>();
    set.add(assertIsoDate(c.expiry));
    byUnderlying.set(u, set);
  }
  const listed = (underlying: string) => byUnderlying.get(String(underlying).trim().toUpperCase());
  return {
    expiriesBetween(underlying, from, to) {
      const dates = listed(underlying);
      if (!dates) return fallback.expiriesBetween(underlying, from, to);
      if (compareDates(assertIsoDate(from), assertIsoDate(to)) > 0) throw new DomainError('INVALID_ARGUMENT', `from ${from} is after to ${to}`, { from, to });
      return [...dates]
        .filter((d) => compareDates(d, from) >= 0 && compareDates(d, to) <= 0)
        .sort(compareDates)
        .map((date) => ({ date, confirmed: true, source: 'INSTRUMENT_MASTER' as const }));
    },
    isConfirmedExpiry(underlying, expiry) {
      const dates = listed(underlying);
      return dates ? dates.has(assertIsoDate(expiry)) : fallback.isConfirmedExpiry(underlying, expiry);
    },
  };
}
