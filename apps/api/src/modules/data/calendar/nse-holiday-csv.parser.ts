import type { ImportRowError } from '@mcube/contracts';
import { isoWeekday } from '@mcube/domain';
import { isRealIsoDate } from '../../../common/validation/iso-date';
import { csvRows } from './csv-rows';

/** One holiday read from the file. */
export interface ParsedHoliday {
  readonly line: number;
  readonly date: string;
  readonly name: string;
}

/** The parse of a whole file: one year's holidays, or every problem (then nothing). */
export type HolidayCsvParse =
  | { ok: true; year: number; rows: number; holidays: ParsedHoliday[]; weekendDates: string[] }
  | { ok: false; errors: ImportRowError[] };

/** Most data rows a year's list may hold (NSE lists 15–20). */
export const MAX_HOLIDAY_ROWS = 100;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** 0-based month of 'Jan', 'JANUARY', 'Sept'…; -1 for anything else. */
const monthOf = (name: string): number => {
  const l = name.toLowerCase();
  return l === 'sept' ? 8 : MONTHS.findIndex((m) => m === l || m.slice(0, 3) === l);
};
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const norm = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');
const DATE_HEADERS = ['date', 'tradingdate', 'holidaydate'];
const NAME_HEADERS = ['description', 'holiday', 'holidays', 'holidayname', 'name', 'occasion'];
const DAY_HEADERS = ['day', 'weekday', 'dayoftheweek'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as NSE writes it ('26-Jan-2027', '26-JANUARY-2027', '26 Jan 2027') or as people do
 * ('2027-01-26', '26/01/2027', '26-01-2027', day first); null when it is none of those.
 */
export function parseHolidayDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[-\s/]([A-Za-z]{3,9})[-\s/](\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]);
    if (month < 0) return null;
    const iso = `${m[3]}-${pad(month + 1)}-${pad(Number(m[1]))}`;
    return isRealIsoDate(iso) ? iso : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isRealIsoDate(t) ? t : null;
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    return isRealIsoDate(iso) ? iso : null;
  }
  return null;
}

function findHeader(rows: { line: number; cells: string[] }[]): { index: number; date: number; name: number; day: number } | null {
  for (let i = 0; i < Math.min(rows.length, 5); i++) {
    const names = rows[i].cells.map(norm);
    const date = names.findIndex((n) => DATE_HEADERS.includes(n));
    const name = names.findIndex((n) => NAME_HEADERS.includes(n));
    if (date >= 0 && name >= 0) return { index: i, date, name, day: names.findIndex((n) => DAY_HEADERS.includes(n)) };
  }
  return null;
}

/**
 * Parses NSE's "trading holidays" CSV (the export of nseindia.com's holiday page: columns
 * `Sr. No, Date, Day, Description`, dates like `26-Jan-2027`), tolerant of quoting, a BOM, CRLF,
 * blank lines, a title line above the header, extra columns and other day-first date formats.
 * Every line is checked (a real date, the Day column matching the date when given, a
 * description, no date twice, one year only, `expectedYear` when given); any problem rejects
 * the whole file with every bad line listed.
 */
export function parseNseHolidayCsv(text: string, expectedYear?: number): HolidayCsvParse {
  const split = csvRows(text);
  if ('error' in split) return { ok: false, errors: [{ line: split.line, reason: split.error }] };
  const rows = split.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = findHeader(rows);
  if (!header) return { ok: false, errors: [{ line: rows[0]?.line ?? 1, reason: 'no header with a Date and a Description column (NSE layout: Sr. No,Date,Day,Description)' }] };
  const errors: ImportRowError[] = [];
  for (const r of rows.slice(0, header.index)) if (r.cells.some((c) => parseHolidayDate(c) !== null)) errors.push({ line: r.line, reason: 'a dated row above the header' });
  const data = rows.slice(header.index + 1);
  if (data.length === 0) errors.push({ line: rows[header.index].line, reason: 'the file lists no holiday' });
  if (data.length > MAX_HOLIDAY_ROWS) return { ok: false, errors: [{ line: data[MAX_HOLIDAY_ROWS].line, reason: `more than ${MAX_HOLIDAY_ROWS} rows: not a year's holiday list` }] };
  const holidays: ParsedHoliday[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of data) {
    const need = Math.max(header.date, header.name, header.day) + 1;
    if (cells.length < need) {
      errors.push({ line, reason: `expected at least ${need} columns, found ${cells.length}` });
      continue;
    }
    const date = parseHolidayDate(cells[header.date]);
    const name = cells[header.name].trim().replace(/\s+/g, ' ');
    if (!date) errors.push({ line, reason: `"${cells[header.date].trim().slice(0, 30)}" is not a date (expected e.g. 26-Jan-2027)` });
    if (name === '') errors.push({ line, reason: 'the description is empty' });
    if (name.length > 120) errors.push({ line, reason: 'the description is longer than 120 characters' });
    if (!date) continue;
    const day = header.day >= 0 ? cells[header.day].trim().toLowerCase() : '';
    const weekday = DAYS[isoWeekday(date) - 1];
    if (day !== '' && day !== weekday && day !== weekday.slice(0, 3)) errors.push({ line, reason: `${date} is a ${weekday[0].toUpperCase()}${weekday.slice(1)}, not a ${cells[header.day].trim()}` });
    const earlier = seen.get(date);
    if (earlier !== undefined) errors.push({ line, reason: `${date} is already listed on line ${earlier}` });
    seen.set(date, line);
    holidays.push({ line, date, name });
  }
  const years = [...new Set(holidays.map((h) => Number(h.date.slice(0, 4))))];
  if (years.length > 1) errors.push({ line: rows[header.index].line, reason: `the file lists dates in ${years.join(' and ')}: import one year at a time` });
  if (expectedYear !== undefined && years.length === 1 && years[0] !== expectedYear) {
    errors.push({ line: rows[header.index].line, reason: `the file lists ${years[0]}, not ${expectedYear}` });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const weekendDates = holidays.filter((h) => isoWeekday(h.date) > 5).map((h) => h.date);
  return { ok: true, year: years[0], rows: data.length, holidays, weekendDates };
}
