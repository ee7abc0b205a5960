import { addDays, type FnoStockSnapshot, type IsoDate, type PriceBar, type SectorMove } from '@mcube/domain';

/** A sector and the NSE index that stands for it. */
export interface SectorIndex {
  readonly sector: string;
  readonly index: string;
}

/**
 * 1/3/7/21-day moves of each sector index at the close of `date`, from daily bars. A sector
 * whose bars do not reach `date` or hold fewer than 22 closes is left out (never made up).
 * 45 calendar days hold 22 sessions even around long holiday weeks.
 */
export async function sectorMoves(input: {
  readonly sectors: readonly SectorIndex[];
  readonly date: IsoDate;
  readonly dailyCloses: (index: string, from: IsoDate) => Promise<readonly PriceBar[]>;
}): Promise<readonly SectorMove[]> {
  const out: SectorMove[] = [];
  for (const s of input.sectors) {
    const bars = await input.dailyCloses(s.index, addDays(input.date, -45));
    if (bars.length < 22 || bars[bars.length - 1].date !== input.date) continue;
    const closes = bars.slice(-22).map((b) => b.close);
    const last = closes[21];
    const pct = (days: number) => (last / closes[21 - days] - 1) * 100;
    out.push({ sector: s.sector, index: s.index, changePct: pct(1), perf3dPct: pct(3), perf7dPct: pct(7), perf21dPct: pct(21) });
  }
  return out;
}

/**
 * The most liquid of `universe` on `date`, ranked by traded value approximated as the day's
 * volume × close (Breeze has no turnover field), from each stock's daily bars. Stocks without
 * a bar on `date` and the one before are left out. Futures OI is not looked up (absent).
 */
export async function liquidStocks(input: {
  readonly universe: readonly string[];
  readonly date: IsoDate;
  readonly limit: number;
  readonly daily: (symbol: string) => Promise<readonly PriceBar[]>;
  readonly sectorOf: (symbol: string) => string;
}): Promise<readonly FnoStockSnapshot[]> {
  const out: FnoStockSnapshot[] = [];
  for (const symbol of input.universe) {
    const bars = await input.daily(symbol);
    const at = bars.findIndex((b) => b.date === input.date);
    if (at < 1) continue;
    const day = bars[at];
    out.push({ symbol, sector: input.sectorOf(symbol), lastPrice: day.close, changePct: (day.close / bars[at - 1].close - 1) * 100, turnoverRupees: day.volume * day.close });
  }
  return out.sort((a, b) => (b.turnoverRupees ?? 0) - (a.turnoverRupees ?? 0)).slice(0, input.limit);
}
