import { DomainError } from '../errors/domain-error';
import { addDays, compareDates, dayNumber, isoWeekday, secondsOfDay, type IsoDate, type IstTime } from '../time/ist-date';
import { toDateSet, validateExpiryRules, validateSessionRules, validateSpecialSessions } from './calendar-validation';
import type { DaySession, NseCalendar, NseCalendarConfig, SessionRule, SessionWindow } from './calendar.types';
import { NSE_EXPIRY_RULES } from './expiry-rules.data';
import { createExpirySchedule } from './expiry-schedule';
import { NSE_CALENDAR_COVERAGE, NSE_HOLIDAYS } from './nse-holidays.data';
import { NSE_FO_SESSION_RULES } from './session-rules.data';
import { NSE_SPECIAL_SESSIONS } from './special-sessions.data';

function inWindow(t: number, w: SessionWindow): boolean {
  return secondsOfDay(w.open) <= t && t < secondsOfDay(w.close);
}

/**
 * Builds an NSE F&O calendar from holidays and dated rules (see `NseCalendar` for what a
 * trading day is). Inputs are validated and copied now; expiries are memoized per month,
 * so the calendar is cheap to query in loops. A special session takes precedence over both
 * holiday lists. Throws INVALID_DATE / INVALID_TIME / INVALID_ARGUMENT on a bad config.
 */
export function createNseCalendar(config: NseCalendarConfig): NseCalendar {
  if (!config || typeof config !== 'object') throw new DomainError('INVALID_ARGUMENT', 'calendar config is required');
  if (!Array.isArray(config.holidays)) throw new DomainError('INVALID_ARGUMENT', 'holidays must be a list of dates');
  const holidays = toDateSet('holidays', config.holidays);
  for (const d of toDateSet('extraHolidays', config.extraHolidays)) holidays.add(d);
  const specials = validateSpecialSessions(config.specialSessions ?? NSE_SPECIAL_SESSIONS);
  const sessionRules = validateSessionRules(config.sessions ?? NSE_FO_SESSION_RULES).reverse();
  const expiryRules = validateExpiryRules(config.expiryRules ?? NSE_EXPIRY_RULES);
  const coverage = config.coverage ? { from: dayNumber(config.coverage.from), to: dayNumber(config.coverage.to) } : null;
  if (coverage && coverage.from > coverage.to) throw new DomainError('INVALID_ARGUMENT', 'coverage.from is after coverage.to');

  const covers = (date: IsoDate): boolean => {
    const day = dayNumber(date);
    return !coverage || (day >= coverage.from && day <= coverage.to);
  };
  const known = (date: IsoDate): IsoDate => {
    if (!covers(date)) {
      throw new DomainError('UNKNOWN_DATE', `${date} is outside the calendar's holiday coverage`, { date, coverage: config.coverage });
    }
    return date;
  };
  // A normal day: a weekday, no holiday, no special session (a muhurat day is a holiday).
  const isNormalDay = (date: IsoDate): boolean => isoWeekday(known(date)) <= 5 && !holidays.has(date) && !specials.has(date);
  const isTradingDay = (date: IsoDate): boolean => isNormalDay(date) || specials.get(date)?.kind === 'SPECIAL';
  const ruleOn = (date: IsoDate): SessionRule => {
    const rule = sessionRules.find((r) => compareDates(r.effectiveFrom, date) <= 0);
    if (!rule) throw new DomainError('UNKNOWN_DATE', `no session rule covers ${date}`, { date });
    return rule;
  };
  const sessionFor = (date: IsoDate): DaySession | null => {
    const special = specials.get(known(date));
    if (special) {
      const { open, close, kind, segments } = special;
      return segments ? { open, close, kind, segments } : { open, close, kind };
    }
    if (!isNormalDay(date)) return null;
    const rule = ruleOn(date);
    return { open: rule.open, close: rule.close, kind: 'NORMAL' };
  };
  const step = (date: IsoDate, by: 1 | -1): IsoDate => {
    let d = addDays(known(date), by);
    while (!isTradingDay(d)) d = addDays(d, by);
    return d;
  };
  const schedule = createExpirySchedule({ rules: expiryRules, covers, isExpiryDay: isNormalDay });

  return {
    isTradingDay,
    isMuhuratDay: (date) => specials.get(known(date))?.kind === 'MUHURAT',
    sessionFor,
    preOpenFor: (date) => (sessionFor(date)?.kind === 'NORMAL' ? ruleOn(date).preOpen : null),
    isWithinSession(date: IsoDate, time: IstTime) {
      const t = secondsOfDay(time);
      const session = sessionFor(date);
      if (!session) return false;
      return session.segments ? session.segments.some((s) => inWindow(t, s)) : inWindow(t, session);
    },
    previousTradingDay: (date) => step(date, -1),
    nextTradingDay: (date) => step(date, 1),
    weeklyExpiries: (underlying, from, to) => schedule.expiriesBetween(underlying, from, to),
    monthlyExpiry: (underlying, month) => schedule.monthlyExpiry(underlying, month),
  };
}

/**
 * The calendar mCube ships: `NSE_HOLIDAYS` (2015–2026) plus `extraHolidays` (holidays NSE
 * announces at short notice), the default session, special-session and expiry rules, and
 * coverage `NSE_CALENDAR_COVERAGE`: a date outside it throws UNKNOWN_DATE.
 * Throws INVALID_DATE if an extra holiday is not a real date.
 */
export function createDefaultNseCalendar(extraHolidays: readonly IsoDate[] = []): NseCalendar {
  return createNseCalendar({ holidays: NSE_HOLIDAYS.map((h) => h.date), extraHolidays, coverage: NSE_CALENDAR_COVERAGE });
}
