import type { CalendarStatusResponse, CalendarYearResponse } from '@mcube/contracts';
import { applyCalendarOverrides, calendarHorizonStatus, NSE_HOLIDAYS, NSE_SPECIAL_SESSIONS, type IsoDate, type NseCalendar } from '@mcube/domain';
import type { StoredCalendar } from './calendar-store.service';

/** The shipped table: the seed the stored overrides apply to. */
export const SHIPPED_CALENDAR = { holidays: NSE_HOLIDAYS, specialSessions: NSE_SPECIAL_SESSIONS };

/** GET /api/calendar/status for the market's `today`. */
export function statusView(calendar: NseCalendar, today: IsoDate): CalendarStatusResponse {
  const s = calendarHorizonStatus(calendar, today);
  return { ...s, confirmedYears: [...s.confirmedYears] };
}

/** One year of the calendar as applied: holidays and sessions with where they come from, and what entries withdrew. */
export function yearView(year: number, stored: StoredCalendar, calendar: NseCalendar): CalendarYearResponse {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const entered = new Set(stored.overrides.map((o) => o.date));
  const effective = applyCalendarOverrides(SHIPPED_CALENDAR, stored.overrides);
  const source = (date: string) => (entered.has(date) ? ('ENTERED' as const) : ('SHIPPED' as const));
  const shippedDates = new Set([...SHIPPED_CALENDAR.holidays.map((h) => h.date), ...Object.keys(SHIPPED_CALENDAR.specialSessions)]);
  const row = stored.years.find((y) => y.year === year);
  return {
    year,
    confirmed: calendar.isConfirmed(`${prefix}01-01`),
    confirmation: row ? { atMs: row.updatedAt.getTime(), by: row.confirmedBy, source: row.source, holidayCount: row.holidayCount } : null,
    holidays: effective.holidays.filter((h) => h.date.startsWith(prefix)).map((h) => ({ date: h.date, name: h.name, source: source(h.date) })),
    sessions: Object.entries(effective.specialSessions)
      .filter(([date]) => date.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, s]) => ({ date, kind: s.kind, name: s.name ?? null, open: s.open, close: s.close, source: source(date) })),
    withdrawn: stored.overrides.filter((o) => o.kind === 'NORMAL' && o.date.startsWith(prefix) && shippedDates.has(o.date)).map((o) => o.date),
  };
}
