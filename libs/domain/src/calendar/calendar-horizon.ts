import { daysBetween, type IsoDate } from '../time/ist-date';
import type { NseCalendar } from './calendar.types';

/** From this many days before the horizon, every trading day raises a WARNING until the next year is entered. */
export const CALENDAR_HORIZON_WARNING_DAYS = 30;

/** Where the calendar's known data ends, seen from `today`. */
export interface CalendarHorizonStatus {
  readonly today: IsoDate;
  /** Last confirmed date, or null when the calendar has no horizon. */
  readonly horizon: IsoDate | null;
  /** Calendar days from `today` to the horizon (negative past it), or null without a horizon. */
  readonly daysLeft: number | null;
  readonly confirmedYears: readonly number[];
  /** Whether `today`'s holidays are known (false: new entries are refused today). */
  readonly todayConfirmed: boolean;
  /** The year whose holidays should be entered next (the one after the horizon), or null. */
  readonly nextYear: number | null;
  /** true from `CALENDAR_HORIZON_WARNING_DAYS` before the horizon on. */
  readonly warning: boolean;
  /** One sentence for people (alerts, the console banner). */
  readonly message: string;
}

/**
 * The horizon status of `calendar` on `today` (pure). The warning starts `warningDays` days
 * before the horizon and lasts until a year's list moves the horizon on. Throws INVALID_DATE
 * for a malformed date.
 */
export function calendarHorizonStatus(calendar: NseCalendar, today: IsoDate, warningDays = CALENDAR_HORIZON_WARNING_DAYS): CalendarHorizonStatus {
  const todayConfirmed = calendar.isConfirmed(today);
  const horizon = calendar.horizon;
  const base = { today, horizon, confirmedYears: calendar.confirmedYears, todayConfirmed };
  if (horizon === null) return { ...base, daysLeft: null, nextYear: null, warning: false, message: 'Every date of the calendar is confirmed.' };
  const daysLeft = daysBetween(today, horizon);
  const nextYear = Number(horizon.slice(0, 4)) + 1;
  const warning = daysLeft <= warningDays;
  const how = `enter NSE's ${nextYear} trading holidays`;
  const message =
    daysLeft >= 0
      ? `The NSE holiday calendar is known until ${horizon} (${daysLeft} day(s) left): ${how}. Past it (and for contracts expiring past it), new entries are refused; monitoring and exits keep running.`
      : `The NSE holiday calendar ended on ${horizon}: new entries are refused until you ${how}. Monitoring and exits keep running on assumed days.`;
  return { ...base, daysLeft, nextYear, warning, message };
}
