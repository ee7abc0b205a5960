import { compareDates, type IsoDate, type PriceBar } from '@mcube/domain';
import type { CsvRow } from './files/csv-files';

const num = (s: string | undefined): number => (s === undefined || s === '' ? Number.NaN : Number(s));

/**
 * Bars from CSV rows in the shared-data layout: `date` (daily) or `datetime` 'YYYY-MM-DD HH:MM:SS'
 * (intraday, IST bar start), open/high/low/close, optional volume. Rows with a blank or
 * non-numeric price (early sector years) are left out; volume is 0 where the file has none.
 */
export function barsFromRows(rows: readonly CsvRow[]): PriceBar[] {
  const out: PriceBar[] = [];
  for (const r of rows) {
    const [open, high, low, close] = [num(r.open), num(r.high), num(r.low), num(r.close)];
    if (![open, high, low, close].every(Number.isFinite)) continue;
    const volume = Number.isFinite(num(r.volume)) ? num(r.volume) : 0;
    if (r.datetime) out.push({ date: r.datetime.slice(0, 10), time: r.datetime.slice(11, 19), open, high, low, close, volume });
    else out.push({ date: r.date, open, high, low, close, volume });
  }
  return out;
}

const keyOf = (b: PriceBar) => `${b.date} ${b.time ?? ''}`;

/** Bars of several files merged by date (and time), a later file winning on overlaps; sorted. */
export function mergeBars(lists: readonly (readonly PriceBar[])[]): PriceBar[] {
  const byKey = new Map<string, PriceBar>();
  for (const list of lists) for (const b of list) byKey.set(keyOf(b), b);
  return [...byKey.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** A sorted bar series with a per-date index for range and as-of lookups. */
export class BarSeries {
  private readonly firstIndex = new Map<IsoDate, number>();
  private readonly dates: IsoDate[] = [];

  constructor(readonly bars: readonly PriceBar[]) {
    bars.forEach((b, i) => {
      if (!this.firstIndex.has(b.date)) {
        this.firstIndex.set(b.date, i);
        this.dates.push(b.date);
      }
    });
  }

  /** Bars with from ≤ date ≤ to. */
  between(from: IsoDate, to: IsoDate): PriceBar[] {
    const lo = this.lowerBound(from);
    const hi = this.lowerBound(to, true);
    const start = lo < this.dates.length ? (this.firstIndex.get(this.dates[lo]) as number) : this.bars.length;
    const end = hi < this.dates.length ? (this.firstIndex.get(this.dates[hi]) as number) : this.bars.length;
    return this.bars.slice(start, end);
  }

  /** The bars of one date. */
  on(date: IsoDate): PriceBar[] {
    return this.between(date, date);
  }

  /** The last bar dated strictly before `date`. */
  lastBefore(date: IsoDate): PriceBar | undefined {
    const i = this.lowerBound(date);
    if (i === 0) return undefined;
    const d = this.dates[i - 1];
    const next = i < this.dates.length ? (this.firstIndex.get(this.dates[i]) as number) : this.bars.length;
    return d === undefined ? undefined : this.bars[next - 1];
  }

  /** First date index ≥ date (or > date when `after`). */
  private lowerBound(date: IsoDate, after = false): number {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareDates(this.dates[mid], date);
      if (c < 0 || (after && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
