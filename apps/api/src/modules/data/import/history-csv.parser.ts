import type { ImportRowError } from '@mcube/contracts';
import { assertIsoDate, epochMsOfIst } from '@mcube/domain';

/** Bar lengths a file can hold: daily files use a `date` column, intraday ones `datetime` (IST). */
export type ImportInterval = '1m' | '5m' | '15m' | '1h' | '1d';

/** One validated bar: start instant (UTC ms; IST midnight for daily bars) and prices in hundredths. */
export interface ParsedBar {
  readonly line: number;
  readonly barStartMs: number;
  readonly openPaise: number;
  readonly highPaise: number;
  readonly lowPaise: number;
  readonly closePaise: number;
  readonly volume: number;
}

/** The parse: every bar sorted by start, or every problem (then no bar). */
export type HistoryCsvParse = { ok: true; bars: ParsedBar[] } | { ok: false; errors: ImportRowError[] };

/** Most rows one file may hold (about 40 years of daily bars, or 2 years of 1-minute bars). */
export const MAX_IMPORT_ROWS = 200_000;
/** Errors listed before the rest are summarised in one last entry. */
export const MAX_LISTED_ERRORS = 500;

const PRICE_RE = /^\d{1,9}(?:\.\d+)?$/;
const VOLUME_RE = /^\d{1,15}$/;
const DATE_RE = /^(\d{4}-\d{2}-\d{2})$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/;

function price(name: string, text: string): number | string {
  if (!PRICE_RE.test(text)) return `${name} must be a positive decimal number`;
  const paise = Math.round(Number(text) * 100);
  return paise > 0 ? paise : `${name} must be above zero`;
}

function barStart(kind: 'date' | 'datetime', text: string): number | string {
  const m = kind === 'date' ? DATE_RE.exec(text) : DATETIME_RE.exec(text);
  if (!m) return kind === 'date' ? 'date must be YYYY-MM-DD' : 'datetime must be YYYY-MM-DD HH:MM (IST)';
  try {
    assertIsoDate(m[1]);
  } catch {
    return `${m[1]} is not a calendar date`;
  }
  if (kind === 'date') return epochMsOfIst(m[1], '00:00');
  const [hh, mm] = m[2].split(':').map(Number);
  if (hh > 23 || mm > 59 || (m[3] !== undefined && Number(m[3]) > 59)) return `${m[2]} is not a time of day`;
  return epochMsOfIst(m[1], m[3] ? `${m[2]}:${m[3]}` : m[2]);
}

function parseRow(kind: 'date' | 'datetime', cells: string[], width: number): Omit<ParsedBar, 'line'> | string {
  if (cells.length !== width) return `expected ${width} columns, found ${cells.length}`;
  const start = barStart(kind, cells[0]);
  if (typeof start === 'string') return start;
  const [open, high, low, close] = (['open', 'high', 'low', 'close'] as const).map((n, i) => price(n, cells[i + 1]));
  for (const p of [open, high, low, close]) if (typeof p === 'string') return p;
  const [o, h, l, c] = [open, high, low, close] as number[];
  if (h < Math.max(o, c)) return 'high is below open or close';
  if (l > Math.min(o, c)) return 'low is above open or close';
  let volume = 0;
  if (width === 6) {
    if (!VOLUME_RE.test(cells[5])) return 'volume must be a whole number of units';
    volume = Number(cells[5]);
  }
  return { barStartMs: start, openPaise: o, highPaise: h, lowPaise: l, closePaise: c, volume };
}

/**
 * Strict parser of a user's price history: a header `date,open,high,low,close[,volume]` (daily)
 * or `datetime,open,high,low,close[,volume]` (intraday, IST), then one bar per line. Every row
 * is checked (date or time, positive prices, high ≥ max(open, close), low ≤ min(open, close),
 * whole volume, no second bar at the same start); rows may come in any order and are sorted.
 * Blank lines are skipped. Any problem makes the whole parse fail with every bad line listed
 * (1-based line numbers of the file, header = line 1), so nothing half-valid gets imported.
 * Prices are rounded to hundredths (paise).
 */
export function parseHistoryCsv(text: string, interval: ImportInterval): HistoryCsvParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((c) => c.trim().toLowerCase());
  const kind = header[0] === 'date' ? 'date' : header[0] === 'datetime' ? 'datetime' : null;
  const columns = header.slice(1).join(',');
  if (!kind || (columns !== 'open,high,low,close' && columns !== 'open,high,low,close,volume')) {
    return { ok: false, errors: [{ line: 1, reason: 'header must be date,open,high,low,close[,volume] or datetime,open,high,low,close[,volume]' }] };
  }
  if ((kind === 'date') !== (interval === '1d')) {
    return { ok: false, errors: [{ line: 1, reason: kind === 'date' ? 'a date column holds daily bars: use interval 1d' : 'a datetime column holds intraday bars: use interval 1m, 5m, 15m or 1h' }] };
  }
  const width = header.length;
  const errors: ImportRowError[] = [];
  const bars: ParsedBar[] = [];
  const seen = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    if (bars.length + errors.length >= MAX_IMPORT_ROWS) {
      errors.push({ line: i + 1, reason: `a file may hold at most ${MAX_IMPORT_ROWS} rows` });
      break;
    }
    const row = parseRow(kind, raw.split(',').map((c) => c.trim()), width);
    if (typeof row === 'string') {
      errors.push({ line: i + 1, reason: row });
      continue;
    }
    const first = seen.get(row.barStartMs);
    if (first !== undefined) {
      errors.push({ line: i + 1, reason: `duplicate of the bar on line ${first}` });
      continue;
    }
    seen.set(row.barStartMs, i + 1);
    bars.push({ line: i + 1, ...row });
  }
  if (errors.length === 0 && bars.length === 0) errors.push({ line: 1, reason: 'the file has no rows' });
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    if (errors.length > MAX_LISTED_ERRORS) listed.push({ line: errors[MAX_LISTED_ERRORS].line, reason: `and ${errors.length - MAX_LISTED_ERRORS} more bad rows` });
    return { ok: false, errors: listed };
  }
  return { ok: true, bars: bars.sort((a, b) => a.barStartMs - b.barStartMs) };
}
