import { DomainError } from '../errors/domain-error';

/** An IST calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An IST wall-clock time written 'HH:MM' or 'HH:MM:SS'. */
export type IstTime = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const MS_PER_DAY = 86_400_000;
// Valid dates already parsed (calendar and expiry loops ask for the same few thousand dates
// over and over); a pure memo, bounded, never holding an invalid date.
const DAY_NUMBERS = new Map<string, number>();
const DAY_NUMBERS_MAX = 100_000;

/**
 * Day number (days since 1970-01-01) of an IST calendar date. Calendar arithmetic is
 * done on these integers in UTC, so the host time zone never matters.
 * Throws INVALID_DATE for anything that is not a real 'YYYY-MM-DD' date.
 */
export function dayNumber(date: IsoDate): number {
  const known = DAY_NUMBERS.get(date);
  if (known !== undefined) return known;
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new DomainError('INVALID_DATE', `date must be 'YYYY-MM-DD', got ${String(date)}`, { date });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new DomainError('INVALID_DATE', `${date} is not a calendar date`, { date });
  }
  if (DAY_NUMBERS.size >= DAY_NUMBERS_MAX) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(date, ms / MS_PER_DAY);
  return ms / MS_PER_DAY;
}

/** The 'YYYY-MM-DD' date of a day number (inverse of `dayNumber`). */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Throws INVALID_DATE unless `date` is a valid 'YYYY-MM-DD' date; returns it. */
export function assertIsoDate(date: IsoDate): IsoDate {
  dayNumber(date);
  return date;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later), as the plan counts days to expiry. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const dow = new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** Seconds after midnight of an IST time 'HH:MM' or 'HH:MM:SS'. Throws INVALID_TIME otherwise. */
export function secondsOfDay(time: IstTime): number {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!m) throw new DomainError('INVALID_TIME', `time must be 'HH:MM' or 'HH:MM:SS' (IST), got ${String(time)}`, { time });
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + (m[3] ? Number(m[3]) : 0);
}

/** Compares two IST times: negative, zero or positive like a sort comparator. */
export function compareTimes(a: IstTime, b: IstTime): number {
  return secondsOfDay(a) - secondsOfDay(b);
}

/** Compares two IST dates: negative, zero or positive like a sort comparator. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

/** The IST date and time of an instant given in epoch milliseconds (IST is UTC+05:30, no DST). */
export function istDateTimeOf(epochMs: number): { date: IsoDate; time: IstTime } {
  if (!Number.isFinite(epochMs)) throw new DomainError('INVALID_ARGUMENT', `epochMs must be finite, got ${epochMs}`);
  const iso = new Date(epochMs + 19_800_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/** IST 'YYYY-MM-DDTHH:MM' of an instant (trade rows and reports name entries and exits to the minute). */
export function istMinuteOf(epochMs: number): string {
  const { date, time } = istDateTimeOf(epochMs);
  return `${date}T${time.slice(0, 5)}`;
}

/** Epoch milliseconds of an IST date and time. */
export function epochMsOfIst(date: IsoDate, time: IstTime = '00:00:00'): number {
  return dayNumber(date) * MS_PER_DAY + secondsOfDay(time) * 1000 - 19_800_000;
}
