import type { IsoDate, PriceBar } from '@mcube/domain';
import type { Prng } from './prng';
import type { StockSpec } from './stock-universe.data';

/** Daily volatility of the pre-roll (log), about 29% a year: a typical large F&O stock. */
const DAILY_VOL = 0.018;

/**
 * Daily bars of one stock for `dates` (oldest first, the trading days before the simulator's
 * first warm-up day), ending so that the last close is the stock's start price: the history is
 * drawn backwards from it (a driftless random walk, small opening gaps, a high/low range around
 * open and close), so it joins the simulated days without a jump. Volume follows the stock's
 * typical turnover. It only lengthens each stock's history for indicators; nothing else of the
 * market depends on it.
 */
export function stockHistoryPreroll(spec: StockSpec, dates: readonly IsoDate[], prng: Prng): PriceBar[] {
  const bars: PriceBar[] = [];
  let close = spec.startPrice;
  const round = (x: number) => Math.round(x * 20) / 20;
  for (let i = dates.length - 1; i >= 0; i--) {
    const dayReturn = DAILY_VOL * prng.normal();
    const open = close * Math.exp(-dayReturn * (0.8 + 0.2 * prng.uniform()));
    const high = Math.max(open, close) * Math.exp(Math.abs(0.006 * prng.normal()));
    const low = Math.min(open, close) * Math.exp(-Math.abs(0.006 * prng.normal()));
    const turnover = spec.turnoverCr * 1e7 * Math.exp(0.3 * prng.normal() - 0.045);
    bars.push({ date: dates[i], open: round(open), high: round(high), low: round(low), close: round(close), volume: Math.round(turnover / close) });
    close = close * Math.exp(-dayReturn);
  }
  return bars.reverse();
}
