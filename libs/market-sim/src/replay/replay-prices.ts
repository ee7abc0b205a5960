import { epochMsOfIst, istDateTimeOf, type IsoDate, type NseCalendar, type PriceBar } from '@mcube/domain';
import type { BarSeries } from './bar-series';

/** Length of each intraday interval the replay serves. */
export const REPLAY_INTERVAL_MS = { '15m': 900_000, '5m': 300_000, '1m': 60_000 } as const;

/**
 * The replay's "as of" cursor: what was known at `asOfMs`. A daily bar is known once its day's
 * session has closed; an intraday bar once it has ended. Nothing later ever leaks out.
 */
export class AsOf {
  readonly date: IsoDate;

  constructor(
    readonly ms: number,
    private readonly calendar: NseCalendar,
  ) {
    this.date = istDateTimeOf(ms).date;
  }

  /** Epoch ms of the close of `date`'s session (15:30 when the calendar knows no session). */
  closeMs(date: IsoDate): number {
    return epochMsOfIst(date, this.calendar.sessionFor(date)?.close ?? '15:30');
  }

  openMs(date: IsoDate): number {
    return epochMsOfIst(date, this.calendar.sessionFor(date)?.open ?? '09:15');
  }

  /** true when the daily bar of `date` was complete at the cursor. */
  dayKnown(date: IsoDate): boolean {
    return date < this.date || (date === this.date && this.ms >= this.closeMs(date));
  }

  /** Daily bars in [from, to] known at the cursor. */
  daily(series: BarSeries, from: IsoDate, to: IsoDate): PriceBar[] {
    return series.between(from, to).filter((b) => this.dayKnown(b.date));
  }

  /** Intraday bars in [from, to] that had ended at the cursor. */
  intraday(series: BarSeries, intervalMs: number, from: IsoDate, to: IsoDate): PriceBar[] {
    return series.between(from, to).filter((b) => epochMsOfIst(b.date, b.time ?? '00:00') + intervalMs <= this.ms);
  }

  /**
   * The last price at the cursor: the close of the last ended intraday bar of today, else the
   * open of the bar under way, else today's daily close (after the close) or open (in the
   * session), else the previous daily close. Null when the data has nothing up to the cursor.
   */
  lastPrice(daily: BarSeries, intraday: BarSeries | null): number | null {
    if (intraday) {
      let price: number | null = null;
      for (const b of intraday.on(this.date)) {
        const start = epochMsOfIst(b.date, b.time ?? '00:00');
        if (start + REPLAY_INTERVAL_MS['15m'] <= this.ms) price = b.close;
        else if (start <= this.ms) price = price ?? b.open;
      }
      if (price !== null) return price;
    }
    const today = daily.on(this.date)[0];
    if (today && this.dayKnown(today.date)) return today.close;
    if (today && this.ms >= this.openMs(today.date)) return today.open;
    return daily.lastBefore(this.date)?.close ?? null;
  }

  /** The last daily close strictly before the cursor's date. */
  previousClose(daily: BarSeries): number | null {
    return daily.lastBefore(this.date)?.close ?? null;
  }
}
