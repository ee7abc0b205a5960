import { compareDates, istDateTimeOf, type IsoDate, type PriceBar } from '@mcube/domain';

interface MutableBar {
  date: IsoDate;
  startMs: number;
  sessionOpenMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * Records ticks of one series into intraday bars of a base length (aligned to the session open)
 * and daily bars, and aggregates the base bars into longer intervals on request.
 */
export class BarRecorder {
  private readonly intraday: MutableBar[] = [];
  private readonly daily: PriceBar[] = [];

  constructor(readonly baseMs: number) {}

  /** Adds a tick at `timeMs` of the session that opened at `sessionOpenMs`. */
  record(date: IsoDate, sessionOpenMs: number, timeMs: number, price: number, volume: number): void {
    const startMs = sessionOpenMs + Math.floor((timeMs - sessionOpenMs) / this.baseMs) * this.baseMs;
    const last = this.intraday[this.intraday.length - 1];
    if (last && last.startMs === startMs) {
      last.high = Math.max(last.high, price);
      last.low = Math.min(last.low, price);
      last.close = price;
      last.volume += volume;
      return;
    }
    this.intraday.push({ date, startMs, sessionOpenMs, open: price, high: price, low: price, close: price, volume });
  }

  /** Adds the finished day's bar. */
  recordDay(bar: PriceBar): void {
    this.daily.push(bar);
  }

  /** Daily bars with from ≤ date ≤ to, oldest first. */
  dailyBars(from: IsoDate, to: IsoDate): PriceBar[] {
    return this.daily.filter((b) => compareDates(b.date, from) >= 0 && compareDates(b.date, to) <= 0);
  }

  /** The last `count` daily bars up to and including `date`. */
  lastDailyBars(date: IsoDate, count: number): PriceBar[] {
    const upTo = this.daily.filter((b) => compareDates(b.date, date) <= 0);
    return upTo.slice(Math.max(0, upTo.length - count));
  }

  /**
   * Intraday bars of `intervalMs` (a multiple of the base length) with from ≤ date ≤ to, each
   * aggregating the base bars that start inside it; `time` is the bar's IST start.
   */
  intradayBars(from: IsoDate, to: IsoDate, intervalMs: number): PriceBar[] {
    const out: PriceBar[] = [];
    let current: MutableBar | null = null;
    const flush = () => {
      if (current) out.push({ date: current.date, time: istDateTimeOf(current.startMs).time, open: current.open, high: current.high, low: current.low, close: current.close, volume: current.volume });
    };
    for (const b of this.intraday) {
      if (compareDates(b.date, from) < 0 || compareDates(b.date, to) > 0) continue;
      const startMs = b.sessionOpenMs + Math.floor((b.startMs - b.sessionOpenMs) / intervalMs) * intervalMs;
      if (current && current.startMs === startMs) {
        current.high = Math.max(current.high, b.high);
        current.low = Math.min(current.low, b.low);
        current.close = b.close;
        current.volume += b.volume;
      } else {
        flush();
        current = { ...b, startMs };
      }
    }
    flush();
    return out;
  }
}
