import { epochMsOfIst, type IsoDate } from '@mcube/domain';
import { BreezeParseError } from '../errors/breeze-parse-error';

/** A JSON object read field by field; every reader throws BreezeParseError with the path. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BreezeParseError(path, `expected an object, got ${kindOf(value)}`);
  return value as JsonObject;
}

export function asArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new BreezeParseError(path, `expected an array, got ${kindOf(value)}`);
  return value;
}

/** A required non-empty string (trimmed). */
export function text(o: JsonObject, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') throw new BreezeParseError(`${path}.${key}`, `expected a non-empty string, got ${kindOf(v)}`);
  return v.trim();
}

/** An optional string: null, undefined and '' read as undefined; anything but a string is an error. */
export function optText(o: JsonObject, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw new BreezeParseError(`${path}.${key}`, `expected a string or null, got ${kindOf(v)}`);
  return v.trim() === '' ? undefined : v.trim();
}

/** A required decimal: Breeze sends numbers both as JSON numbers and as strings ('420.00'). */
export function decimal(o: JsonObject, key: string, path: string): number {
  const v = optDecimal(o, key, path);
  if (v === undefined) throw new BreezeParseError(`${path}.${key}`, 'expected a number, got nothing');
  return v;
}

/** An optional decimal: null, undefined and '' read as undefined. */
export function optDecimal(o: JsonObject, key: string, path: string): number | undefined {
  const v = o[key];
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  throw new BreezeParseError(`${path}.${key}`, `expected a number, got ${kindOf(v)} ${JSON.stringify(v)?.slice(0, 40)}`);
}

/** A required whole number ≥ 0 (quantities). '75', 75 and '75.0' are accepted; 75.5 is not. */
export function count(o: JsonObject, key: string, path: string): number {
  const v = decimal(o, key, path);
  if (!Number.isSafeInteger(v) || v < 0) throw new BreezeParseError(`${path}.${key}`, `expected a whole number ≥ 0, got ${v}`);
  return v;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** '27-Feb-2025', '27-FEB-25' or '2025-02-27' (optionally with a time part, ignored) → '2025-02-27'. */
export function breezeDate(value: string, path: string): IsoDate {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  if (iso) return checkDate(`${iso[1]}-${iso[2]}-${iso[3]}`, path, value);
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})(?: .*)?$/.exec(value.trim());
  const month = m ? MONTHS.indexOf(m[2].toUpperCase()) + 1 : 0;
  if (!m || month === 0) throw new BreezeParseError(path, `not a Breeze date: ${JSON.stringify(value)}`);
  const year = m[3].length === 2 ? `20${m[3]}` : m[3];
  return checkDate(`${year}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`, path, value);
}

/**
 * An IST date-time as Breeze writes it ('05-Feb-2025 09:26', '05-Feb-2025 10:41:24',
 * '2025-02-03 09:21:00') → UTC epoch ms.
 */
export function breezeDateTime(value: string, path: string): number {
  const m = /^(\S+)[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) throw new BreezeParseError(path, `not a Breeze date-time: ${JSON.stringify(value)}`);
  const date = breezeDate(m[1], path);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (h > 23 || min > 59 || s > 59) throw new BreezeParseError(path, `not a time of day: ${JSON.stringify(value)}`);
  return epochMsOfIst(date, `${m[2]}:${m[3]}:${m[4] ?? '00'}`);
}

/**
 * Rupees (number or decimal string, any number of decimals) → integer paise, rounded half
 * away from zero on the decimal digits themselves (no binary floating point on the way).
 */
export function rupeesToPaise(value: number | string, path: string): number {
  const textValue = typeof value === 'number' ? numberText(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(textValue);
  if (!m) throw new BreezeParseError(path, `not a rupee amount: ${JSON.stringify(value)}`);
  const frac = (m[3] ?? '').padEnd(3, '0');
  let paise = Number(m[2]) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) paise += 1;
  if (!Number.isSafeInteger(paise)) throw new BreezeParseError(path, `rupee amount too large: ${textValue}`);
  return m[1] === '-' ? -paise : paise;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // toFixed(6) avoids exponent notation for small and large values and is exact enough for rupees.
  return value.toFixed(6);
}

function checkDate(date: string, path: string, raw: string): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) throw new BreezeParseError(path, `not a calendar date: ${JSON.stringify(raw)}`);
  return date;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
