import { DomainError } from '../errors/domain-error';
import { addDays, assertIsoDate, compareDates, isoWeekday, secondsOfDay, type IsoDate, type IstTime } from '../time/ist-date';
import { toDateSet, validateExpiryRules, validateSessionRules, validateSpecialSessions } from './calendar-validation';
import type { DaySession, NseCalendar, NseCalendarConfig, SessionRule, SessionWindow } from './calendar.types';
import { NSE_EXPIRY_RULES } from './expiry-rules.data';
import { createExpirySchedule } from './expiry-schedule';
import { NSE_HOLIDAYS, NSE_SEED_CONFIRMED_YEARS } from './nse-holidays.data';
import { applyCalendarOverrides, type CalendarDayOverride } from './calendar-overrides';
import { NSE_FO_SESSION_RULES } from './session-rules.data';
import { NSE_SPECIAL_SESSIONS } from './special-sessions.data';

function inWindow(t: number, w: SessionWindow): boolean {
  return secondsOfDay(w.open) <= t && t < secondsOfDay(w.close);
}

/** The last day of the run of confirmed years starting at the first one; null without year bounds. */
function horizonOf(years: readonly number[] | null): IsoDate | null {
  if (!years) return null;
  if (years.length === 0) return null;
  let last = years[0];
  while (years.includes(last + 1)) last += 1;
  return `${String(last).padStart(4, '0')}-12-31`;
}

function validateYears(years: readonly number[] | undefined): number[] | null {
  if (years === undefined) return null;
  if (!Array.isArray(years)) throw new DomainError('INVALID_ARGUMENT', 'confirmedYears must be a list of years');
  for (const y of years) {
    if (!Number.isInteger(y) || y < 1900 || y > 9999) throw new DomainError('INVALID_ARGUMENT', `confirmedYears: ${String(y)} is not a year`);
  }
  return [...new Set(years)].sort((a, b) => a - b);
}

/**
 * Builds an NSE F&O calendar from holidays and dated rules (see `NseCalendar` for what a
 * trading day is and for confirmed vs assumed days). Inputs are validated and copied now;
 * expiries are memoized per month, so the calendar is cheap to query in loops. A special
 * session takes precedence over both holiday lists. Throws INVALID_DATE / INVALID_TIME /
 * INVALID_ARGUMENT on a bad config.
 */
export function createNseCalendar(config: NseCalendarConfig): NseCalendar {
  if (!config || typeof config !== 'object') throw new DomainError('INVALID_ARGUMENT', 'calendar config is required');
  if (!Array.isArray(config.holidays)) throw new DomainError('INVALID_ARGUMENT', 'holidays must be a list of dates');
  const holidays = toDateSet('holidays', config.holidays);
  for (const d of toDateSet('extraHolidays', config.extraHolidays)) holidays.add(d);
  const specials = validateSpecialSessions(config.specialSessions ?? NSE_SPECIAL_SESSIONS);
  const sessionRules = validateSessionRules(config.sessions ?? NSE_FO_SESSION_RULES).reverse();
  const expiryRules = validateExpiryRules(config.expiryRules ?? NSE_EXPIRY_RULES);
  const years = validateYears(config.confirmedYears);
  const yearSet = years ? new Set(years) : null;

  const isConfirmed = (date: IsoDate): boolean => !yearSet || yearSet.has(Number(assertIsoDate(date).slice(0, 4)));
  // A normal day: a weekday, no holiday, no special session (a muhurat day is a holiday).
  const isNormalDay = (date: IsoDate): boolean => isoWeekday(date) <= 5 && !holidays.has(date) && !specials.has(date);
  const isTradingDay = (date: IsoDate): boolean => isNormalDay(date) || specials.get(date)?.kind === 'SPECIAL';
  const ruleOn = (date: IsoDate): SessionRule => {
    const rule = sessionRules.find((r) => compareDates(r.effectiveFrom, date) <= 0);
    if (!rule) throw new DomainError('UNKNOWN_DATE', `no session rule covers ${date}`, { date });
    return rule;
  };
  const sessionFor = (date: IsoDate): DaySession | null => {
    const special = specials.get(assertIsoDate(date));
    if (special) {
      const { open, close, kind, segments } = special;
      return segments ? { open, close, kind, segments } : { open, close, kind };
    }
    if (!isNormalDay(date)) return null;
    const rule = ruleOn(date);
    return { open: rule.open, close: rule.close, kind: 'NORMAL' };
  };
  const step = (date: IsoDate, by: 1 | -1): IsoDate => {
    let d = addDays(date, by);
    while (!isTradingDay(d)) d = addDays(d, by);
    return d;
  };
  const schedule = createExpirySchedule({ rules: expiryRules, isConfirmed, isExpiryDay: isNormalDay });

  return {
    horizon: horizonOf(years),
    confirmedYears: years ?? [],
    isConfirmed,
    isTradingDay: (date) => isTradingDay(assertIsoDate(date)),
    isMuhuratDay: (date) => specials.get(assertIsoDate(date))?.kind === 'MUHURAT',
    sessionFor,
    preOpenFor: (date) => (sessionFor(date)?.kind === 'NORMAL' ? ruleOn(date).preOpen : null),
    isWithinSession(date: IsoDate, time: IstTime) {
      const t = secondsOfDay(time);
      const session = sessionFor(date);
      if (!session) return false;
      return session.segments ? session.segments.some((s) => inWindow(t, s)) : inWindow(t, session);
    },
    previousTradingDay: (date) => step(assertIsoDate(date), -1),
    nextTradingDay: (date) => step(assertIsoDate(date), 1),
    weeklyExpiries: (underlying, from, to) => schedule.expiriesBetween(underlying, from, to),
    expiriesWithStatus: (underlying, from, to) => schedule.expiriesWithStatus(underlying, from, to),
    isConfirmedExpiry: (underlying, expiry) => schedule.isConfirmedExpiry(underlying, assertIsoDate(expiry)),
    monthlyExpiry: (underlying, month) => schedule.monthlyExpiry(underlying, month),
    hasExpiryRules: (underlying) => typeof underlying === 'string' && expiryRules.has(underlying),
  };
}

/** Options of `createDefaultNseCalendar`. */
export interface DefaultNseCalendarOptions {
  /** Stored changes to the shipped table, one per date (see `applyCalendarOverrides`). */
  readonly overrides?: readonly CalendarDayOverride[];
  /** Years confirmed on top of the shipped ones (a year's holiday list was entered or imported). */
  readonly confirmedYears?: readonly number[];
  /** Holidays announced at short notice, on top of the table. */
  readonly extraHolidays?: readonly IsoDate[];
}

/**
 * The calendar mCube ships, with its stored changes: `NSE_HOLIDAYS` and `NSE_SPECIAL_SESSIONS`
 * (the seed, confirmed for `NSE_SEED_CONFIRMED_YEARS`, 2015–2026) with `overrides` applied,
 * `extraHolidays` added, the default session and expiry rules, and the seed's years plus
 * `confirmedYears` confirmed. Dates in other years are answered by the weekday rule and
 * reported unconfirmed (see `NseCalendar`). Throws INVALID_DATE / INVALID_ARGUMENT on a bad option.
 */
export function createDefaultNseCalendar(options: DefaultNseCalendarOptions = {}): NseCalendar {
  const data = applyCalendarOverrides({ holidays: NSE_HOLIDAYS, specialSessions: NSE_SPECIAL_SESSIONS }, options.overrides ?? []);
  return createNseCalendar({
    holidays: data.holidays.map((h) => h.date),
    extraHolidays: options.extraHolidays,
    specialSessions: data.specialSessions,
    confirmedYears: [...NSE_SEED_CONFIRMED_YEARS, ...(options.confirmedYears ?? [])],
  });
}
