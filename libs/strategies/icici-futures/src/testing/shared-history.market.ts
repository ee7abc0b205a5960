import { BrokerError, type IsoDate, type PriceBar } from '@mcube/domain';
import { readSharedCsv } from '@mcube/testing';
import type { FuturesContractInfo, FuturesMarketPort, SectorPerformanceReading, SessionLiquidity, Sourced } from '../ports/futures-market.port';

/** Sector index → its daily file in the shared data (Yahoo series, to 2026-04/05). */
const SECTOR_FILES: Readonly<Record<string, string>> = {
  'NIFTY 50': 'nifty50_daily/nifty50_daily_combined.csv',
  'NIFTY BANK': 'sectoral_indices/nifty_bank_daily_yahoo_2015-2026.csv',
  'NIFTY IT': 'sectoral_indices/nifty_it_daily_yahoo_2016-2026.csv',
  'NIFTY AUTO': 'sectoral_indices/nifty_auto_daily_yahoo_2016-2026.csv',
  'NIFTY PHARMA': 'sectoral_indices/nifty_pharma_daily_yahoo_2016-2026.csv',
  'NIFTY FMCG': 'sectoral_indices/nifty_fmcg_daily_yahoo_2016-2026.csv',
  'NIFTY METAL': 'sectoral_indices/nifty_metal_daily_yahoo_2016-2026.csv',
  'NIFTY ENERGY': 'sectoral_indices/nifty_energy_daily_yahoo_2016-2026.csv',
  'NIFTY INFRA': 'sectoral_indices/nifty_infra_daily_yahoo_2016-2026.csv',
};

const bar = (r: Record<string, string>): PriceBar => ({ date: r['date'], open: Number(r['open']), high: Number(r['high']), low: Number(r['low']), close: Number(r['close']), volume: Number(r['volume'] ?? 0) || 0 });

/**
 * The real history of `../shared/data` behind the futures market port, read in place: equity
 * bhavcopy bars and traded value of the F&O stocks (`fo_stocks_daily`), sector and NIFTY
 * indices (`sectoral_indices`, `nifty50_daily`), and the futures listed around 2025-11-20 with
 * their lot sizes (`calendar/nfo_futures_lot_sizes_kite_snapshot_2025-11.csv`). The files hold
 * no futures OI and no stock option chains: those readings are unavailable, as in the replay.
 * The touch is the last daily close (MODELLED: it is not a futures quote).
 */
export class SharedHistoryFuturesMarket implements FuturesMarketPort {
  readonly stockRows = readSharedCsv('fo_stocks_daily/fo_stocks_daily_nse_bhavcopy_2024-2026.csv.gz');
  private readonly contracts = readSharedCsv('calendar/nfo_futures_lot_sizes_kite_snapshot_2025-11.csv');
  private readonly indexBars = new Map<string, PriceBar[]>();

  /** Daily bars of an index from its file (cached). */
  indexSeries(index: string): PriceBar[] {
    const file = SECTOR_FILES[index];
    if (!file) throw new BrokerError('REJECTED', `the shared data has no ${index} series`);
    let bars = this.indexBars.get(index);
    if (!bars) {
      bars = readSharedCsv(file).filter((r) => r['close'] !== '').map(bar);
      this.indexBars.set(index, bars);
    }
    return bars;
  }

  async futuresContracts(_date: IsoDate): Promise<readonly FuturesContractInfo[]> {
    return this.contracts.map((r) => ({ underlying: r['name'], expiry: r['expiry'], lotSize: Number(r['lot_size']), tickSize: 0.05, tradingSymbol: r['tradingsymbol'] }));
  }

  async sessionLiquidity(date: IsoDate): Promise<readonly SessionLiquidity[]> {
    return this.stockRows.filter((r) => r['date'] === date).map((r) => ({ symbol: r['symbol'], tradedValueRupees: Number(r['turnover_inr']) }));
  }

  async dailyBars(request: { readonly symbol: string; readonly from: IsoDate; readonly to: IsoDate }): Promise<readonly PriceBar[]> {
    const inRange = (d: string) => d >= request.from && d <= request.to;
    if (SECTOR_FILES[request.symbol]) return this.indexSeries(request.symbol).filter((b) => inRange(b.date));
    return this.stockRows.filter((r) => r['symbol'] === request.symbol && inRange(r['date'])).map(bar);
  }

  async futuresOpenInterest(): Promise<Sourced<never>> {
    return { available: false, reason: 'the equity bhavcopy has no futures OI' };
  }

  async optionsOpenInterest(): Promise<Sourced<never>> {
    return { available: false, reason: 'the shared data has no stock option chains' };
  }

  async sectorPerformance(request: { readonly index: string; readonly date: IsoDate }): Promise<Sourced<SectorPerformanceReading>> {
    if (!SECTOR_FILES[request.index]) return { available: false, reason: `the shared data has no ${request.index} series` };
    const closes = this.indexSeries(request.index).filter((b) => b.date <= request.date);
    if (closes.length < 22 || closes[closes.length - 1].date !== request.date) return { available: false, reason: `${request.index} has no close on ${request.date}` };
    const c = closes.slice(-22).map((b) => b.close);
    const pct = (n: number) => (c[21] / c[21 - n] - 1) * 100;
    return { available: true, source: 'REAL', value: { asOfDate: request.date, perf3d: pct(3), perf7d: pct(7), perf21d: pct(21) } };
  }

  async futuresTouch(request: { readonly underlying: string }): Promise<{ lastPrice: number; asOfMs: number; source: 'MODELLED' }> {
    const rows = this.stockRows.filter((r) => r['symbol'] === request.underlying);
    if (rows.length === 0) throw new BrokerError('REJECTED', `no ${request.underlying} rows`);
    return { lastPrice: Number(rows[rows.length - 1]['close']), asOfMs: 0, source: 'MODELLED' };
  }
}
