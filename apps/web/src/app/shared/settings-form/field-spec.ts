/** What every editable field declares. */
interface BaseSpec {
  key: string;
  label: string;
  hint?: string;
  /** The section the field is shown under ('Entry', 'Strikes', 'Exits', 'Risk'…); ungrouped forms show one section. */
  group?: string;
  /** A hint computed from the value being typed (or the stored one), shown under the field; null for none. */
  liveHint?: (value: unknown) => string | null;
}

/**
 * A number in [min, max] (integer when `integer`); `nullable`: empty switches it off (null).
 * `min`/`max` are in stored units; `scale` turns the stored value into the shown one (100 shows
 * a stored fraction 0.005 as 0.5 with `unit` '%'), so every percent reads as a percent.
 */
export interface NumberSpec extends BaseSpec {
  kind: 'number';
  min: number;
  max: number;
  scale?: number;
  /** Shown after the input: '%', 'pts', 'days', '×'. */
  unit?: string;
  integer?: boolean;
  nullable?: boolean;
}

/** An amount entered in rupees and stored as integer paise, at least `minPaise`. */
export interface PaiseSpec extends BaseSpec {
  kind: 'paise';
  minPaise: number;
  maxPaise: number;
  nullable?: boolean;
}

/** One of a fixed list of values. */
export interface ChoiceSpec extends BaseSpec {
  kind: 'choice';
  options: readonly (string | number)[];
}

/** An IST wall-clock time HH:MM. */
export interface TimeSpec extends BaseSpec {
  kind: 'time';
}

/** On/off; `locked` fields are shown but cannot be changed (the reason is the hint). */
export interface BooleanSpec extends BaseSpec {
  kind: 'boolean';
  locked?: boolean;
}

/** A fixed-length list of numbers in [min, max], typed comma-separated. */
export interface NumberListSpec extends BaseSpec {
  kind: 'numberList';
  length: number;
  min: number;
  max: number;
}

/** One editable setting and the client-side rule mirroring the server's validation. */
export type FieldSpec = NumberSpec | PaiseSpec | ChoiceSpec | TimeSpec | BooleanSpec | NumberListSpec;

/** What the user has typed (text) or ticked (boolean) for one field. */
export type RawInput = string | boolean;

/** A parsed input: the value to send, or why it cannot be sent. `undefined` value = left empty. */
export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** The stored value as the input shows it ('' for absent or null). */
export function toInput(spec: FieldSpec, value: unknown): RawInput {
  if (spec.kind === 'boolean') return value === true;
  if (value === undefined || value === null) return '';
  if (spec.kind === 'paise') return typeof value === 'number' ? String(value / 100) : '';
  if (spec.kind === 'numberList') return Array.isArray(value) ? value.join(', ') : '';
  if (spec.kind === 'number' && spec.scale && typeof value === 'number') return String(roundDisplay(value * spec.scale));
  return String(value);
}

/** Drops binary noise of a unit conversion (0.005 × 100 = 0.5, not 0.5000000000000001). */
const roundDisplay = (v: number) => Math.round(v * 1e10) / 1e10;

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

function inRange(n: number, min: number, max: number, integer: boolean | undefined): string | null {
  if (integer && !Number.isInteger(n)) return 'Must be a whole number';
  if (n < min || n > max) return `Must be between ${min} and ${max}`;
  return null;
}

/** Checks one input against its field's rule and converts it to the value the API expects. */
export function parseInput(spec: FieldSpec, raw: RawInput): Parsed {
  if (spec.kind === 'boolean') return { ok: true, value: raw === true };
  const text = String(raw).trim();
  if (text === '') {
    const nullable = (spec.kind === 'number' || spec.kind === 'paise') && spec.nullable;
    return { ok: true, value: nullable ? null : undefined };
  }
  switch (spec.kind) {
    case 'time':
      return TIME.test(text) ? { ok: true, value: text } : { ok: false, error: 'Must be a time HH:MM (24-hour, IST)' };
    case 'choice': {
      const hit = spec.options.find((o) => String(o) === text);
      return hit === undefined ? { ok: false, error: `Must be one of ${spec.options.join(', ')}` } : { ok: true, value: hit };
    }
    case 'number': {
      const shown = parseNumber(text);
      if (shown === null) return { ok: false, error: 'Must be a number' };
      const scale = spec.scale ?? 1;
      const n = roundDisplay(shown / scale);
      const bad = inRange(n, spec.min, spec.max, spec.integer);
      const unit = spec.unit ? ` ${spec.unit}` : '';
      if (bad && scale !== 1 && !bad.startsWith('Must be a whole')) return { ok: false, error: `Must be between ${roundDisplay(spec.min * scale)} and ${roundDisplay(spec.max * scale)}${unit}` };
      return bad ? { ok: false, error: bad } : { ok: true, value: n };
    }
    case 'paise': {
      const n = parseNumber(text);
      if (n === null) return { ok: false, error: 'Must be an amount in rupees' };
      const paise = Math.round(n * 100);
      if (Math.abs(paise - n * 100) > 1e-6) return { ok: false, error: 'At most two decimals (paise)' };
      const bad = inRange(paise, spec.minPaise, spec.maxPaise, true);
      return bad ? { ok: false, error: `Must be between ₹${spec.minPaise / 100} and ₹${spec.maxPaise / 100}` } : { ok: true, value: paise };
    }
    case 'numberList': {
      const parts = text.split(',').map((p) => parseNumber(p));
      if (parts.length !== spec.length || parts.some((p) => p === null)) return { ok: false, error: `Must be ${spec.length} numbers separated by commas` };
      const bad = (parts as number[]).map((n) => inRange(n, spec.min, spec.max, false)).find((e) => e !== null);
      return bad ? { ok: false, error: `Each ${bad.toLowerCase()}` } : { ok: true, value: parts };
    }
  }
}

/** The value a live hint or preview reads: what is typed when it parses, else the stored value. */
export function currentValue(spec: FieldSpec, raw: RawInput | undefined, stored: unknown): unknown {
  if (raw === undefined) return stored;
  const parsed = parseInput(spec, raw);
  return parsed.ok && parsed.value !== undefined ? parsed.value : stored;
}

/** The sections of a form in first-seen order ('' for fields without a group). */
export function groupsOf(specs: readonly FieldSpec[]): { name: string; specs: FieldSpec[] }[] {
  const out: { name: string; specs: FieldSpec[] }[] = [];
  for (const spec of specs) {
    const name = spec.group ?? '';
    const g = out.find((x) => x.name === name);
    if (g) g.specs.push(spec);
    else out.push({ name, specs: [spec] });
  }
  return out;
}

/** The outcome of checking a whole form against the stored values. */
export interface FormCheck {
  /** Only the fields whose parsed value differs from the stored one. */
  changes: Record<string, unknown>;
  /** Client-side problems by field key. */
  errors: Record<string, string>;
}

/**
 * Parses every input, keeps the fields that really changed (an emptied non-nullable field is
 * "no change": the API has no way to unset it) and collects the problems by field.
 */
export function checkForm(specs: readonly FieldSpec[], stored: Record<string, unknown>, raws: Record<string, RawInput>): FormCheck {
  const changes: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const raw = raws[spec.key];
    if (raw === undefined || raw === toInput(spec, stored[spec.key])) continue;
    const parsed = parseInput(spec, raw);
    if (!parsed.ok) errors[spec.key] = parsed.error;
    else if (parsed.value !== undefined && JSON.stringify(parsed.value) !== JSON.stringify(stored[spec.key] ?? null)) changes[spec.key] = parsed.value;
  }
  return { changes, errors };
}
