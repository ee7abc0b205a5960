import { epochMsOfIst, istDateTimeOf, type IsoDate, type NseCalendar } from '@mcube/domain';
import { DATA_LAYOUT, ReplayData, type RealOptionRow } from '@mcube/market-sim';
import { existsSync, statSync } from 'fs';
import { resolve } from 'path';
import { BacktestInputError } from '../backtest-input-error';
import { DailySeries, IntradaySeries } from './price-series';

const FIFTEEN_MINUTES = 900_000;

/** The US index series the entry filter's cues come from. */
export interface UsSeries {
  readonly nasdaq: DailySeries | null;
  readonly dow: DailySeries | null;
  readonly sp500: DailySeries | null;
}

/** Everything a backtest reads from a data folder, loaded once into arrays. */
export interface MarketHistoryParts {
  readonly folder: string;
  readonly niftyDaily: DailySeries;
  readonly vixDaily: DailySeries;
  readonly nifty15m: IntradaySeries | null;
  readonly vix15m: IntradaySeries | null;
  readonly us: UsSeries;
  /** Real NIFTY option records by the trading day whose close they describe. */
  readonly optionRows: ReadonlyMap<IsoDate, readonly RealOptionRow[]>;
  /** What the folder lacks (each a sentence for the report). */
  readonly gaps: readonly string[];
}

/**
 * Market history of a folder in the layout of `../shared/data` (its README): NIFTY and India
 * VIX daily (required) and 15-minute bars, US indices, real option rows. Files are read in
 * place through the market-sim replay's reader (never copied). `truncatedAt` gives the history
 * as it was known at an instant, for the look-ahead check.
 */
export class MarketHistory implements MarketHistoryParts {
  readonly folder!: string;
  readonly niftyDaily!: DailySeries;
  readonly vixDaily!: DailySeries;
  readonly nifty15m!: IntradaySeries | null;
  readonly vix15m!: IntradaySeries | null;
  readonly us!: UsSeries;
  readonly optionRows!: ReadonlyMap<IsoDate, readonly RealOptionRow[]>;
  readonly gaps!: readonly string[];

  constructor(parts: MarketHistoryParts) {
    Object.assign(this, parts);
  }

  /** First and last NIFTY daily dates. */
  get firstDate(): IsoDate {
    return this.niftyDaily.dates[0];
  }

  get lastDate(): IsoDate {
    return this.niftyDaily.dates[this.niftyDaily.length - 1];
  }

  /**
   * Loads `folder`. Throws BacktestInputError DATA_LAYOUT when it is not a folder or lacks the
   * required NIFTY and VIX daily files (or they hold no bars); missing optional series are
   * listed in `gaps`.
   */
  static load(folder: string, calendar: NseCalendar): MarketHistory {
    const root = resolve(folder);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new BacktestInputError('DATA_LAYOUT', `data folder ${root} does not exist or is not a folder`);
    const missing = [DATA_LAYOUT.niftyDaily, DATA_LAYOUT.vixDaily].filter((f) => !existsSync(resolve(root, f)));
    if (missing.length > 0) {
      throw new BacktestInputError('DATA_LAYOUT', `data folder ${root} is not in the shared-data layout: missing ${missing.join(', ')} (see ../shared/data/README.md for the layout)`);
    }
    const data = new ReplayData(root, calendar);
    const daily = (symbol: string, file: string): DailySeries => {
      const bars = data.series(symbol, '1d')?.bars ?? [];
      if (bars.length < 30) throw new BacktestInputError('DATA_LAYOUT', `${file} has ${bars.length} usable rows of date,open,high,low,close: not enough history`);
      return DailySeries.fromBars(bars);
    };
    const optional = <T>(file: string | readonly string[], load: () => T | null, what: string, gaps: string[]): T | null => {
      const files = typeof file === 'string' ? [file] : file;
      const value = files.some((f) => existsSync(resolve(root, f))) ? load() : null;
      if (value === null) gaps.push(`${what}: not in the folder (${files.join(', ')})`);
      return value;
    };
    const gaps: string[] = [];
    const intraday = (symbol: string) => {
      const bars = data.series(symbol, '15m')?.bars ?? [];
      return bars.length > 0 ? IntradaySeries.fromBars(bars, FIFTEEN_MINUTES) : null;
    };
    const us = (name: string) => {
      const bars = data.series(name, '1d')?.bars ?? [];
      return bars.length > 0 ? DailySeries.fromBars(bars) : null;
    };
    return new MarketHistory({
      folder: root,
      niftyDaily: daily('NIFTY 50', DATA_LAYOUT.niftyDaily),
      vixDaily: daily('INDIA VIX', DATA_LAYOUT.vixDaily),
      nifty15m: optional(DATA_LAYOUT.nifty15m, () => intraday('NIFTY 50'), 'NIFTY 15-minute bars (prices fall back to the daily open and close)', gaps),
      vix15m: optional(DATA_LAYOUT.vix15m, () => intraday('INDIA VIX'), 'India VIX 15-minute bars (VIX falls back to the daily open and close)', gaps),
      us: {
        nasdaq: optional(DATA_LAYOUT.globals['NASDAQ'], () => us('NASDAQ'), 'NASDAQ daily', gaps),
        dow: optional(DATA_LAYOUT.globals['DOW JONES'], () => us('DOW JONES'), 'Dow Jones daily', gaps),
        sp500: optional(DATA_LAYOUT.globals['S&P 500'], () => us('S&P 500'), 'S&P 500 daily', gaps),
      },
      optionRows: data.optionRows(),
      gaps,
    });
  }

  /**
   * The history as known at `cutMs`: daily bars of days closed by then, intraday bars ended by
   * then, US closes dated before the cut's IST date, option rows of days closed by then. What
   * a strategy reading history directly (a leak) would see in a backtest that ends at `cutMs`.
   */
  truncatedAt(cutMs: number, calendar: NseCalendar): MarketHistory {
    const cutDate = istDateTimeOf(cutMs).date;
    const closed = (date: IsoDate) => date < cutDate || (date === cutDate && cutMs >= epochMsOfIst(date, calendar.sessionFor(date)?.close ?? '15:30'));
    const dailyCut = (s: DailySeries) => {
      let n = s.length;
      while (n > 0 && !closed(s.dates[n - 1])) n--;
      return s.head(n);
    };
    const usCut = (s: DailySeries | null) => (s ? s.head(s.lastIndexBefore(cutDate) + 1) : null);
    const rows = new Map([...this.optionRows].filter(([date]) => closed(date)));
    return new MarketHistory({
      ...this,
      niftyDaily: dailyCut(this.niftyDaily),
      vixDaily: dailyCut(this.vixDaily),
      nifty15m: this.nifty15m?.endedBy(cutMs) ?? null,
      vix15m: this.vix15m?.endedBy(cutMs) ?? null,
      us: { nasdaq: usCut(this.us.nasdaq), dow: usCut(this.us.dow), sp500: usCut(this.us.sp500) },
      optionRows: rows,
    });
  }
}
