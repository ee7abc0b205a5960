import type { IsoDate, PriceBar } from '@mcube/domain';
import type { Prng } from './prng';
import { TRADING_DAYS_PER_YEAR } from './sim-config';
import type { SectorSpec } from './stock-universe.data';

/** NIFTY futures volume of a day at VIX 15 (units), as the engine trades it. */
const NIFTY_DAY_VOLUME = 8_000_000;
/** A sector's own volatility is quoted at VIX 15 (`stepFactorModel`). */
const REFERENCE_VIX = 15;

/** Daily bars of NIFTY 50 and of each sector index for the days before the warm-up. */
export interface IndexHistory {
  readonly nifty: PriceBar[];
  readonly sectors: ReadonlyMap<string, PriceBar[]>;
}

/**
 * Daily bars of NIFTY 50 and the sector indices for `dates` (oldest first, the trading days
 * before the simulator's first warm-up day), each ending on its start level so it joins the
 * simulated days without a jump: drawn backwards as the live market moves (NIFTY at the start
 * VIX's daily volatility, each sector its beta times NIFTY's move plus its own factor), small
 * opening gaps, a high/low range around open and close. It only lengthens the indices' history
 * for indicators (the futures screen's 50-session EMA of NIFTY and NIFTY BANK); nothing else of
 * the market depends on it.
 */
export function indexHistoryPreroll(input: { niftyStart: number; vixStart: number; sectors: readonly SectorSpec[]; dates: readonly IsoDate[]; prng: Prng }): IndexHistory {
  const { dates, prng } = input;
  const dayScale = Math.sqrt(1 / TRADING_DAYS_PER_YEAR);
  const niftyVol = (input.vixStart / 100) * dayScale;
  const round = (x: number) => Math.round(x * 100) / 100;
  const walkers = [{ key: 'NIFTY 50', close: input.niftyStart, bars: [] as PriceBar[] }, ...input.sectors.map((s) => ({ key: s.index, close: s.startLevel, bars: [] as PriceBar[] }))];
  for (let i = dates.length - 1; i >= 0; i--) {
    const niftyReturn = niftyVol * prng.normal();
    walkers.forEach((w, k) => {
      const spec = k === 0 ? undefined : input.sectors[k - 1];
      const dayReturn = spec ? spec.beta * niftyReturn + spec.factorVol * (input.vixStart / REFERENCE_VIX) * dayScale * prng.normal() : niftyReturn;
      const open = w.close * Math.exp(-dayReturn * (0.8 + 0.2 * prng.uniform()));
      const high = Math.max(open, w.close) * Math.exp(Math.abs(0.003 * prng.normal()));
      const low = Math.min(open, w.close) * Math.exp(-Math.abs(0.003 * prng.normal()));
      const volume = spec ? 0 : Math.round(NIFTY_DAY_VOLUME * (input.vixStart / REFERENCE_VIX) * Math.exp(0.3 * prng.normal() - 0.045));
      w.bars.push({ date: dates[i], open: round(open), high: round(high), low: round(low), close: round(w.close), volume });
      w.close = w.close * Math.exp(-dayReturn);
    });
  }
  const [nifty, ...sectors] = walkers;
  return { nifty: nifty.bars.reverse(), sectors: new Map(sectors.map((w) => [w.key, w.bars.reverse()])) };
}
