import { DomainError } from '../errors/domain-error';
import { dayNumber, fromDayNumber, isoWeekday, type IsoDate } from '../time/ist-date';
import type { CalendarExpiry, ExpiryRule } from './calendar.types';

/** What an expiry schedule needs from its calendar. */
export interface ExpiryScheduleDeps {
  /** Validated rules per underlying (see `validateExpiryRules`). */
  readonly rules: ReadonlyMap<string, readonly ExpiryRule[]>;
  /** true on a day an expiry may fall on: a trading weekday (never a muhurat-only day). */
  readonly isExpiryDay: (date: IsoDate) => boolean;
  /** true when the calendar knows the holidays of `date` (the answers for other dates are assumed). */
  readonly isConfirmed: (date: IsoDate) => boolean;
}

/** Expiry dates computed from dated rules and a holiday calendar, memoized per month. */
export interface ExpirySchedule {
  /** Every expiry of `underlying` in [from, to], ascending and unique. */
  expiriesBetween(underlying: string, from: IsoDate, to: IsoDate): IsoDate[];
  /** The same, each with whether it is confirmed (its date and its nominal day are confirmed). */
  expiriesWithStatus(underlying: string, from: IsoDate, to: IsoDate): CalendarExpiry[];
  /** For a date the rules make an expiry: whether it is confirmed; for any other date: whether the date is. */
  isConfirmedExpiry(underlying: string, expiry: IsoDate): boolean;
  /** The monthly expiry of `underlying` in 'YYYY-MM'. */
  monthlyExpiry(underlying: string, month: string): IsoDate;
}

/** An expiry and the nominal rule day it was rolled back from (the same day when it was not). */
interface RolledExpiry {
  readonly date: IsoDate;
  readonly nominal: IsoDate;
}

interface MonthExpiries {
  readonly all: readonly RolledExpiry[];
  readonly monthly: IsoDate | null;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthBounds(month: string): { first: number; last: number } {
  const m = typeof month === 'string' ? MONTH_RE.exec(month) : null;
  if (!m) throw new DomainError('INVALID_DATE', `month must be 'YYYY-MM', got ${String(month)}`, { month });
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  return { first: dayNumber(`${month}-01`), last: dayNumber(next) - 1 };
}

/** The rule in force on `day`: the last one whose effectiveFrom is on or before it, or null. */
function ruleOn(rules: readonly ExpiryRule[], day: number): ExpiryRule | null {
  for (let i = rules.length - 1; i >= 0; i--) if (dayNumber(rules[i].effectiveFrom) <= day) return rules[i];
  return null;
}

/**
 * Builds an expiry schedule. A nominal expiry is a day whose weekday is that of the rule in
 * force that day: every such day under a weekly rule, else only the month's last such day.
 * The monthly expiry is the month's last nominal day, rolled back if needed: for NIFTY the
 * month's last weekly, except when next month's first weekly rolls back into this month
 * (Thursday 2025-05-01 was a holiday: weekly 2025-04-30, April monthly 2025-04-24). A nominal
 * day that is not an expiry day moves back to the previous one. Dates in unconfirmed years are
 * computed the same way from the assumed days (see `NseCalendar`). Methods throw INVALID_DATE,
 * INVALID_ARGUMENT (unknown underlying, from > to) and NO_EXPIRY_AVAILABLE (no contract in that month).
 */
export function createExpirySchedule(deps: ExpiryScheduleDeps): ExpirySchedule {
  const memo = new Map<string, MonthExpiries>();

  const rulesOf = (underlying: string): readonly ExpiryRule[] => {
    const rules = typeof underlying === 'string' ? deps.rules.get(underlying) : undefined;
    if (!rules) {
      const known = [...deps.rules.keys()].join(', ');
      throw new DomainError('INVALID_ARGUMENT', `unknown underlying ${String(underlying)}; known: ${known}`, { underlying });
    }
    return rules;
  };

  const rollBack = (date: IsoDate): IsoDate => {
    let day = dayNumber(date);
    while (!deps.isExpiryDay(fromDayNumber(day))) day -= 1;
    return fromDayNumber(day);
  };

  const monthExpiries = (underlying: string, month: string): MonthExpiries => {
    const key = `${underlying}|${month}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const rules = rulesOf(underlying);
    const { first, last } = monthBounds(month);
    const nominal: { date: IsoDate; weekly: boolean }[] = [];
    for (let day = first; day <= last; day++) {
      const date = fromDayNumber(day);
      const rule = ruleOn(rules, day);
      if (rule && isoWeekday(date) === rule.weekday) nominal.push({ date, weekly: rule.weekly });
    }
    const lastNominal = nominal.length > 0 ? nominal[nominal.length - 1] : null;
    const all = nominal.filter((n) => n.weekly || n === lastNominal).map((n) => ({ date: rollBack(n.date), nominal: n.date }));
    const result: MonthExpiries = { all, monthly: lastNominal ? rollBack(lastNominal.date) : null };
    memo.set(key, result);
    return result;
  };

  const nextMonth = (m: string): string => fromDayNumber(monthBounds(m).last + 1).slice(0, 7);

  /** Every rolled expiry in [from, to]; a nominal day early next month can roll back into range, so one more week is scanned. */
  const rolledBetween = (underlying: string, from: IsoDate, to: IsoDate): RolledExpiry[] => {
    rulesOf(underlying);
    const [a, b] = [dayNumber(from), dayNumber(to)];
    if (a > b) throw new DomainError('INVALID_ARGUMENT', `from ${from} is after to ${to}`, { from, to });
    const lastMonth = fromDayNumber(b + 7).slice(0, 7);
    const found = new Map<IsoDate, RolledExpiry>();
    for (let m = from.slice(0, 7); m <= lastMonth; m = nextMonth(m)) {
      for (const e of monthExpiries(underlying, m).all) if (dayNumber(e.date) >= a && dayNumber(e.date) <= b && !found.has(e.date)) found.set(e.date, e);
    }
    return [...found.values()].sort((x, y) => dayNumber(x.date) - dayNumber(y.date));
  };

  const confirmed = (e: RolledExpiry): boolean => deps.isConfirmed(e.date) && deps.isConfirmed(e.nominal);

  return {
    expiriesBetween: (underlying, from, to) => rolledBetween(underlying, from, to).map((e) => e.date),
    expiriesWithStatus: (underlying, from, to) => rolledBetween(underlying, from, to).map((e) => ({ date: e.date, confirmed: confirmed(e) })),
    isConfirmedExpiry(underlying, expiry) {
      const hit = rolledBetween(underlying, expiry, expiry)[0];
      return hit ? confirmed(hit) : deps.isConfirmed(expiry);
    },
    monthlyExpiry(underlying, month) {
      rulesOf(underlying);
      monthBounds(month);
      const monthly = monthExpiries(underlying, month).monthly;
      if (!monthly) throw new DomainError('NO_EXPIRY_AVAILABLE', `${underlying} has no contract expiring in ${month}`, { underlying, month });
      return monthly;
    },
  };
}
