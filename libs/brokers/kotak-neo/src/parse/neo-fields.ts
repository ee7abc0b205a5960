import { malformed } from '../errors/kotak-neo.error';

type Rec = Readonly<Record<string, unknown>>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Kotak's ways of writing "no value". */
const BLANKS = new Set(['', 'NA', '--', '-', 'N/A']);

/**
 * Rupees written as decimal text ('475200.00', '19.409999999999997', '15.500000') to
 * integer paise, rounded half away from zero, without binary floating point.
 */
export function paiseOfDecimalText(text: string): number | undefined {
  const t = text.trim();
  if (!DECIMAL.test(t)) return undefined;
  const negative = t.startsWith('-');
  const [whole, frac = ''] = (negative ? t.slice(1) : t).split('.');
  let paise = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  if (frac.length > 2 && Number(frac[2]) >= 5) paise += 1n;
  const n = Number(negative ? -paise : paise);
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : undefined;
}

/**
 * Strict reader of one JSON object of a Kotak answer. Every getter either returns a
 * well-typed value or throws UNKNOWN/MALFORMED_RESPONSE naming the field, so nothing
 * half-parsed ever leaves a parser.
 */
export class NeoFields {
  private constructor(
    private readonly what: string,
    private readonly obj: Rec,
    private readonly path: string,
  ) {}

  /** Reads `value`, which must be an object. */
  static of(what: string, value: unknown, path = 'body'): NeoFields {
    if (!isRecord(value)) throw malformed(what, `${path} is not an object`);
    return new NeoFields(what, value, path);
  }

  /** The raw value of `key` (for presence checks). */
  raw(key: string): unknown {
    return this.obj[key];
  }

  fail(key: string, expected: string): never {
    const got = this.obj[key];
    const shown = typeof got === 'string' ? JSON.stringify(got.slice(0, 40)) : got === undefined ? 'nothing' : typeof got;
    throw malformed(this.what, `${this.path}.${key} should be ${expected}, got ${shown}`);
  }

  /** A non-empty string (numbers are accepted and written in decimal). */
  text(key: string): string {
    const v = this.obj[key];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string' || v.trim() === '') return this.fail(key, 'a non-empty string');
    return v.trim();
  }

  /** A string that may be blank: undefined for absent, '', 'NA', '--'. */
  optionalText(key: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') return this.fail(key, 'a string');
    return BLANKS.has(v.trim()) ? undefined : v.trim();
  }

  /** A whole number ≥ 0, as a JSON number or digits in a string. */
  count(key: string): number {
    const v = this.obj[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isSafeInteger(n) || n < 0) return this.fail(key, 'a whole number ≥ 0');
    return n;
  }

  /** A finite decimal number (JSON number or decimal text). */
  decimal(key: string): number {
    const v = this.obj[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && DECIMAL.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isFinite(n)) return this.fail(key, 'a decimal number');
    return n;
  }

  /** Rupees (number or decimal text) as integer paise. */
  paise(key: string): number {
    const v = this.obj[key];
    const p = typeof v === 'string' ? paiseOfDecimalText(v) : typeof v === 'number' && Number.isFinite(v) ? paiseOfDecimalText(v.toFixed(6)) : undefined;
    if (p === undefined) return this.fail(key, 'a rupee amount');
    return p;
  }

  /** Like `paise`, but a blank (absent, '', 'NA') is undefined. */
  optionalPaise(key: string): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || (typeof v === 'string' && BLANKS.has(v.trim()))) return undefined;
    return this.paise(key);
  }

  /** One of `values`, compared after trimming (and lower-casing when `lower`). */
  oneOf<T extends string>(key: string, values: readonly T[], opts: { lower?: boolean } = {}): T {
    const v = this.obj[key];
    const t = typeof v === 'string' ? (opts.lower ? v.trim().toLowerCase() : v.trim()) : undefined;
    const found = values.find((x) => x === t);
    if (found === undefined) return this.fail(key, `one of ${values.join('/')}`);
    return found;
  }

  /** A nested object. */
  object(key: string): NeoFields {
    return NeoFields.of(this.what, this.obj[key], `${this.path}.${key}`);
  }

  /** A nested array (possibly empty). */
  array(key: string): readonly unknown[] {
    const v = this.obj[key];
    if (!Array.isArray(v)) return this.fail(key, 'an array');
    return v;
  }
}
