import type { IsoDate, NseCalendar, PriceBar } from '@mcube/domain';
import { BarSeries, barsFromRows, mergeBars } from './bar-series';
import { dataFileExists, readCsvFile } from './files/csv-files';
import { DATA_LAYOUT } from './files/shared-data-layout';
import { fromChainSnapshots, fromContractwise, fromMarketActivity, type RealOptionRow } from './real-option-rows';

/** A stock's day from the equity bhavcopy, with its traded value. */
export interface StockDay {
  readonly symbol: string;
  readonly bar: PriceBar;
  readonly prevClose: number;
  readonly turnoverRupees: number;
}

// Parsed files by folder, shared by every replay of the process (files are read-only history).
const FILE_CACHE = new Map<string, Map<string, unknown>>();

/**
 * The series of a data folder, each read on first use and kept for the process. Missing files
 * give empty series (a user's folder may hold only some of them), never made-up data.
 */
export class ReplayData {
  private readonly cache: Map<string, unknown>;
  private readonly own = new Map<string, unknown>();

  constructor(
    readonly folder: string,
    private readonly calendar: NseCalendar,
  ) {
    this.cache = FILE_CACHE.get(folder) ?? new Map<string, unknown>();
    FILE_CACHE.set(folder, this.cache);
  }

  private once<T>(key: string, load: () => T, cache: Map<string, unknown> = this.cache): T {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as T;
  }

  private bars(files: readonly string[]): BarSeries {
    return new BarSeries(mergeBars(files.filter((f) => dataFileExists(this.folder, f)).map((f) => barsFromRows(readCsvFile(this.folder, f)))));
  }

  /** Daily or intraday bars of a symbol, by interval; null when the folder has no such series. */
  series(symbol: string, interval: '1d' | '15m' | '5m' | '1m'): BarSeries | null {
    const files = this.filesOf(symbol, interval);
    return files ? this.once(`bars|${symbol}|${interval}`, () => this.bars(files)) : null;
  }

  private filesOf(symbol: string, interval: string): readonly string[] | null {
    if (symbol === 'NIFTY 50') {
      const byInterval: Record<string, readonly string[]> = { '1d': [DATA_LAYOUT.niftyDaily], '15m': [DATA_LAYOUT.nifty15m], '5m': DATA_LAYOUT.nifty5m, '1m': DATA_LAYOUT.nifty1m };
      return byInterval[interval] ?? null;
    }
    if (symbol === 'INDIA VIX') return interval === '1d' ? [DATA_LAYOUT.vixDaily] : interval === '15m' ? [DATA_LAYOUT.vix15m] : null;
    if (interval !== '1d') return null;
    return DATA_LAYOUT.sectors[symbol] ?? DATA_LAYOUT.globals[symbol] ?? null;
  }

  /** Every stock's days from the F&O equity bhavcopy, by date. */
  stockDays(): ReadonlyMap<IsoDate, readonly StockDay[]> {
    return this.once('stocks', () => {
      const byDate = new Map<IsoDate, StockDay[]>();
      if (!dataFileExists(this.folder, DATA_LAYOUT.stocks)) return byDate;
      for (const r of readCsvFile(this.folder, DATA_LAYOUT.stocks)) {
        const [bar] = barsFromRows([r]);
        if (!bar) continue;
        const day = { symbol: r.symbol, bar: { ...bar, volume: Number(r.volume) || 0 }, prevClose: Number(r.prev_close), turnoverRupees: Number(r.turnover_inr) || 0 };
        const list = byDate.get(bar.date) ?? [];
        list.push(day);
        byDate.set(bar.date, list);
      }
      return byDate;
    });
  }

  /** Real NIFTY option rows by date (a snapshot dated on a closed day counts for the trading day before it). */
  optionRows(): ReadonlyMap<IsoDate, readonly RealOptionRow[]> {
    return this.once('options', () => {
      const all: RealOptionRow[] = [];
      const read = (file: string, parse: (rows: ReturnType<typeof readCsvFile>) => RealOptionRow[]) => {
        if (dataFileExists(this.folder, file)) all.push(...parse(readCsvFile(this.folder, file)));
      };
      read(DATA_LAYOUT.optionsContractwise, fromContractwise);
      read(DATA_LAYOUT.optionsMarketActivity, fromMarketActivity);
      read(DATA_LAYOUT.optionsApiSnapshots, (rows) => fromChainSnapshots(rows, 'snapshot_date'));
      read(DATA_LAYOUT.optionsWebsite, (rows) => fromChainSnapshots(rows, 'snapshot_folder_date'));
      const byDate = new Map<IsoDate, RealOptionRow[]>();
      for (const row of all) {
        const date = this.calendar.isTradingDay(row.date) ? row.date : this.calendar.previousTradingDay(row.date);
        const list = byDate.get(date) ?? [];
        list.push(date === row.date ? row : { ...row, date });
        byDate.set(date, list);
      }
      return byDate;
    }, this.own);
  }
}
