import { epochMsOfIst, istDateTimeOf, type IsoDate, type PriceBar } from '@mcube/domain';

/** Index of the first element ≥ `value` in a sorted array (its length when none). */
export function lowerBound(sorted: ArrayLike<string | number>, value: string | number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index just past the last element ≤ `value` in a sorted array. */
export function upperBound(sorted: ArrayLike<string | number>, value: string | number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Daily OHLC bars as parallel arrays, dates ascending, for allocation-free lookups. */
export class DailySeries {
  readonly length: number;
  private readonly index = new Map<IsoDate, number>();

  constructor(
    readonly dates: readonly IsoDate[],
    readonly open: Float64Array,
    readonly high: Float64Array,
    readonly low: Float64Array,
    readonly close: Float64Array,
  ) {
    this.length = dates.length;
    dates.forEach((d, i) => this.index.set(d, i));
  }

  static fromBars(bars: readonly PriceBar[]): DailySeries {
    const f = (pick: (b: PriceBar) => number) => Float64Array.from(bars, pick);
    return new DailySeries(
      bars.map((b) => b.date),
      f((b) => b.open),
      f((b) => b.high),
      f((b) => b.low),
      f((b) => b.close),
    );
  }

  /** Index of the bar of `date`, or -1. */
  indexOf(date: IsoDate): number {
    return this.index.get(date) ?? -1;
  }

  /** Index of the last bar dated strictly before `date`, or -1. */
  lastIndexBefore(date: IsoDate): number {
    return lowerBound(this.dates, date) - 1;
  }

  /** The bars with index in [from, to) as `PriceBar`s (volume 0: index data). */
  bars(from: number, to: number): PriceBar[] {
    const out: PriceBar[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push({ date: this.dates[i], open: this.open[i], high: this.high[i], low: this.low[i], close: this.close[i], volume: 0 });
    return out;
  }

  /** The series with only the bars before index `end`. */
  head(end: number): DailySeries {
    const n = Math.max(0, Math.min(end, this.length));
    return new DailySeries(this.dates.slice(0, n), this.open.subarray(0, n), this.high.subarray(0, n), this.low.subarray(0, n), this.close.subarray(0, n));
  }
}

/** Intraday bars (IST bar start) of one interval as parallel arrays, time ascending, with a per-day index. */
export class IntradaySeries {
  readonly length: number;
  private readonly days = new Map<IsoDate, [number, number]>();

  constructor(
    readonly intervalMs: number,
    readonly dates: readonly IsoDate[],
    readonly startMs: Float64Array,
    readonly open: Float64Array,
    readonly high: Float64Array,
    readonly low: Float64Array,
    readonly close: Float64Array,
  ) {
    this.length = dates.length;
    for (let i = 0; i < dates.length; i++) {
      const day = this.days.get(dates[i]);
      if (day) day[1] = i + 1;
      else this.days.set(dates[i], [i, i + 1]);
    }
  }

  static fromBars(bars: readonly PriceBar[], intervalMs: number): IntradaySeries {
    return new IntradaySeries(
      intervalMs,
      bars.map((b) => b.date),
      Float64Array.from(bars, (b) => epochMsOfIst(b.date, b.time ?? '00:00')),
      Float64Array.from(bars, (b) => b.open),
      Float64Array.from(bars, (b) => b.high),
      Float64Array.from(bars, (b) => b.low),
      Float64Array.from(bars, (b) => b.close),
    );
  }

  /** IST start time 'HH:MM:SS' of bar `i`. */
  timeOf(i: number): string {
    return istDateTimeOf(this.startMs[i]).time;
  }

  /** [first, end) indexes of the bars of `date`; [0, 0] when there are none. */
  dayRange(date: IsoDate): readonly [number, number] {
    return this.days.get(date) ?? [0, 0];
  }

  /** The series with only the bars that had ended by `cutMs`. */
  endedBy(cutMs: number): IntradaySeries {
    let n = 0;
    while (n < this.length && this.startMs[n] + this.intervalMs <= cutMs) n++;
    return new IntradaySeries(this.intervalMs, this.dates.slice(0, n), this.startMs.subarray(0, n), this.open.subarray(0, n), this.high.subarray(0, n), this.low.subarray(0, n), this.close.subarray(0, n));
  }
}
