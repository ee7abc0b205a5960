import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { istDateTimeOf, type IsoDate } from '@mcube/domain';

const FIXTURES = join(__dirname, '..', 'fixtures');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A recorded-shape fixture, parsed (fresh copy each call). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

/** The first row of a fixture's Success array: the template whose keys every generated row keeps. */
export function templateRow(name: string): Record<string, unknown> {
  const success = fixture<{ Success: Record<string, unknown>[] }>(name).Success;
  return { ...success[0] };
}

/** '2026-08-25' → '25-Aug-2026'. */
export function wireDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
}

/** An instant as Breeze's IST text: '20-Aug-2026 10:05' or with seconds. */
export function wireDateTime(epochMs: number, seconds = false): string {
  const { date, time } = istDateTimeOf(epochMs);
  return `${wireDate(date)} ${seconds ? time : time.slice(0, 5)}`;
}

/** The IST date of an instant. */
export function istDate(epochMs: number): IsoDate {
  return istDateTimeOf(epochMs).date;
}

/** The date part of a Breeze request date ('2026-08-20T06:00:00.000Z' or '25-Aug-2026'). */
export function requestDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return iso[1];
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(value);
  if (!m) return undefined;
  const month = MONTHS.findIndex((x) => x.toLowerCase() === m[2].toLowerCase()) + 1;
  return month === 0 ? undefined : `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** Breeze envelopes. */
export const ok = (success: unknown) => ({ Success: success, Status: 200, Error: null });
export const fail = (error: string, status = 500) => ({ Success: null, Status: status, Error: error });
