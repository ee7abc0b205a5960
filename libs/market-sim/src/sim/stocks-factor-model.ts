import type { Prng } from './prng';
import { TRADING_DAYS_PER_YEAR } from './sim-config';
import type { SectorSpec, StockSpec } from './stock-universe.data';

/** Annual idiosyncratic volatility of a stock at VIX 15. */
export const STOCK_IDIO_VOL = 0.2;
const REFERENCE_VIX = 15;

/** A sector index level through the day. */
export interface SectorState {
  readonly spec: SectorSpec;
  level: number;
  open: number;
  high: number;
  low: number;
  prevClose: number;
  /** Log return of the step just taken (stocks of the sector load on it). */
  lastLogReturn: number;
}

/** A stock price through the day, with its near-month futures OI (see `stockFuturesOpenInterest`) and day turnover plan. */
export interface StockState {
  readonly spec: StockSpec;
  price: number;
  open: number;
  high: number;
  low: number;
  prevClose: number;
  /** Near-month futures OI at the previous close, and the level it reverts to (units). */
  futOiPrevClose: number;
  readonly futOiBase: number;
  /** Today's positioning (drawn at the open): log-OI drift over the day, and log-OI per log-price move (+ fresh positions, − closing). */
  futOiDrift: number;
  futOiSensitivity: number;
  dayTurnoverTarget: number;
}

/** Initial sector states at their start levels. */
export function initialSectors(specs: readonly SectorSpec[]): SectorState[] {
  return specs.map((spec) => ({ spec, level: spec.startLevel, open: spec.startLevel, high: spec.startLevel, low: spec.startLevel, prevClose: spec.startLevel, lastLogReturn: 0 }));
}

/** Initial stock states; futures OI starts near 2.5 days of turnover. */
export function initialStocks(specs: readonly StockSpec[]): StockState[] {
  return specs.map((spec) => {
    const oi = Math.round((spec.turnoverCr * 1e7 * 2.5) / spec.startPrice / spec.lotSize) * spec.lotSize;
    return { spec, price: spec.startPrice, open: spec.startPrice, high: spec.startPrice, low: spec.startPrice, prevClose: spec.startPrice, futOiPrevClose: oi, futOiBase: oi, futOiDrift: 0, futOiSensitivity: 0, dayTurnoverTarget: spec.turnoverCr * 1e7 };
  });
}

/**
 * One step of the factor model: each sector moves by beta × the NIFTY log-return plus its own
 * factor; each stock by its sector's move plus idiosyncratic noise. Factor and idiosyncratic
 * volatilities scale with VIX (everything gets riskier together).
 */
export function stepFactorModel(input: {
  sectors: SectorState[];
  stocks: StockState[];
  niftyLogReturn: number;
  vix: number;
  dayFraction: number;
  prng: Prng;
}): void {
  const scale = (input.vix / REFERENCE_VIX) * Math.sqrt(input.dayFraction / TRADING_DAYS_PER_YEAR);
  const bySector = new Map<string, SectorState>();
  for (const s of input.sectors) {
    const own = s.spec.factorVol * scale * input.prng.normal();
    s.lastLogReturn = s.spec.beta * input.niftyLogReturn + own;
    s.level *= Math.exp(s.lastLogReturn);
    s.high = Math.max(s.high, s.level);
    s.low = Math.min(s.low, s.level);
    bySector.set(s.spec.sector, s);
  }
  for (const st of input.stocks) {
    const sectorMove = bySector.get(st.spec.sector)?.lastLogReturn ?? input.niftyLogReturn;
    st.price *= Math.exp(sectorMove + STOCK_IDIO_VOL * scale * input.prng.normal());
    st.high = Math.max(st.high, st.price);
    st.low = Math.min(st.low, st.price);
  }
}
