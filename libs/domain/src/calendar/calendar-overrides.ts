import { DomainError } from '../errors/domain-error';
import { assertIsoDate, compareDates, isoWeekday, type IsoDate, type IstTime } from '../time/ist-date';
import { assertSessionWindow } from './calendar-validation';
import type { SpecialSession, SpecialSessionTable } from './calendar.types';
import type { NseHoliday } from './nse-holidays.data';

/**
 * A stored change to the shipped calendar for one date; it replaces whatever the shipped table
 * says about that date:
 * - HOLIDAY: a weekday with no session (a holiday entered or announced at short notice);
 * - NORMAL: the date follows the weekday rule (a shipped holiday or special session withdrawn;
 *   on a weekend: closed);
 * - SPECIAL: a trading day with these hours (a weekend budget session, changed hours);
 * - MUHURAT: a holiday with a one-off symbolic session (Diwali).
 */
export type CalendarDayOverride =
  | { readonly date: IsoDate; readonly kind: 'HOLIDAY'; readonly name: string }
  | { readonly date: IsoDate; readonly kind: 'NORMAL' }
  | { readonly date: IsoDate; readonly kind: 'SPECIAL' | 'MUHURAT'; readonly name: string; readonly open: IstTime; readonly close: IstTime };

/** What a calendar is built from: holidays with their names and the special sessions. */
export interface NseCalendarData {
  readonly holidays: readonly NseHoliday[];
  readonly specialSessions: SpecialSessionTable;
}

const KINDS = ['HOLIDAY', 'NORMAL', 'SPECIAL', 'MUHURAT'] as const;

/**
 * Checks one override: a real date, a known kind, a weekday for HOLIDAY (weekends never trade,
 * so a weekend holiday changes nothing; NORMAL may fall on a weekend: it withdraws a shipped
 * weekend session), a name for HOLIDAY and sessions, and open < close for sessions. Returns it; throws INVALID_DATE / INVALID_TIME / INVALID_ARGUMENT.
 */
export function validateCalendarOverride(o: CalendarDayOverride): CalendarDayOverride {
  if (!o || typeof o !== 'object') throw new DomainError('INVALID_ARGUMENT', 'a calendar override must be an object');
  assertIsoDate(o.date);
  if (!KINDS.includes(o.kind)) throw new DomainError('INVALID_ARGUMENT', `${o.date}: kind must be one of ${KINDS.join(', ')}, got ${String(o.kind)}`);
  if (o.kind === 'HOLIDAY' && isoWeekday(o.date) > 5) {
    throw new DomainError('INVALID_ARGUMENT', `${o.date} is a weekend day: it never trades, so a holiday there changes nothing`, { date: o.date });
  }
  if (o.kind !== 'NORMAL' && (typeof o.name !== 'string' || o.name.trim() === '')) throw new DomainError('INVALID_ARGUMENT', `${o.date}: a name is required`, { date: o.date });
  if (o.kind === 'SPECIAL' || o.kind === 'MUHURAT') assertSessionWindow(`session of ${o.date}`, o);
  return o;
}

/**
 * The shipped data with `overrides` applied: for each overridden date the shipped holiday and
 * special session are dropped and the override's entry (if any) takes their place. Holidays
 * stay in date order. Throws like `validateCalendarOverride`, and INVALID_ARGUMENT when two
 * overrides name one date.
 */
export function applyCalendarOverrides(seed: NseCalendarData, overrides: readonly CalendarDayOverride[]): NseCalendarData {
  if (!Array.isArray(overrides)) throw new DomainError('INVALID_ARGUMENT', 'overrides must be a list');
  const byDate = new Map<IsoDate, CalendarDayOverride>();
  for (const o of overrides) {
    validateCalendarOverride(o);
    if (byDate.has(o.date)) throw new DomainError('INVALID_ARGUMENT', `two calendar overrides for ${o.date}`, { date: o.date });
    byDate.set(o.date, o);
  }
  const holidays: NseHoliday[] = seed.holidays.filter((h) => !byDate.has(h.date));
  const specialSessions: Record<IsoDate, SpecialSession> = {};
  for (const [date, s] of Object.entries(seed.specialSessions)) if (!byDate.has(date)) specialSessions[date] = s;
  for (const o of byDate.values()) {
    if (o.kind === 'HOLIDAY') holidays.push({ date: o.date, name: o.name });
    if (o.kind === 'SPECIAL' || o.kind === 'MUHURAT') specialSessions[o.date] = { open: o.open, close: o.close, kind: o.kind, name: o.name };
  }
  holidays.sort((a, b) => compareDates(a.date, b.date));
  return { holidays, specialSessions };
}

/**
 * The overrides that make `year`'s holidays exactly `holidays` (a year's list as NSE publishes
 * it), keeping the year's sessions: the shipped holidays of that year missing from the list
 * become NORMAL, every listed weekday becomes HOLIDAY. Dates with a session (shipped or
 * overridden: a muhurat day is a holiday already) are left to it, and weekend dates in the
 * list are left out (weekends never trade). Returns the full new override list. Throws
 * INVALID_ARGUMENT for a date outside `year` or listed twice, INVALID_DATE for a bad date.
 */
export function replaceYearHolidays(input: {
  readonly year: number;
  readonly holidays: readonly NseHoliday[];
  readonly seed: NseCalendarData;
  readonly overrides: readonly CalendarDayOverride[];
}): CalendarDayOverride[] {
  const { year } = input;
  const inYear = (d: IsoDate) => d.slice(0, 4) === String(year).padStart(4, '0');
  const listed = new Map<IsoDate, string>();
  for (const h of input.holidays) {
    assertIsoDate(h.date);
    if (!inYear(h.date)) throw new DomainError('INVALID_ARGUMENT', `${h.date} is not in ${year}`, { date: h.date, year });
    if (listed.has(h.date)) throw new DomainError('INVALID_ARGUMENT', `${h.date} is listed twice`, { date: h.date });
    if (isoWeekday(h.date) <= 5) listed.set(h.date, h.name);
  }
  // Holiday-or-not overrides of the year are replaced; its sessions are kept.
  const kept = input.overrides.filter((o) => !inYear(o.date) || o.kind === 'SPECIAL' || o.kind === 'MUHURAT');
  const overridden = new Set(input.overrides.filter((o) => inYear(o.date)).map((o) => o.date));
  const sessionDates = new Set(kept.filter((o) => inYear(o.date)).map((o) => o.date));
  for (const date of Object.keys(input.seed.specialSessions)) if (inYear(date) && !overridden.has(date)) sessionDates.add(date);
  const out = [...kept];
  for (const h of input.seed.holidays) {
    if (inYear(h.date) && !listed.has(h.date) && !sessionDates.has(h.date)) out.push({ date: h.date, kind: 'NORMAL' });
  }
  for (const [date, name] of listed) if (!sessionDates.has(date)) out.push({ date, kind: 'HOLIDAY', name });
  return out.sort((a, b) => compareDates(a.date, b.date));
}
