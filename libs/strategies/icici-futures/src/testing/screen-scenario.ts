import { createDefaultNseCalendar, type IsoDate, type NseCalendar, type PriceBar } from '@mcube/domain';
import type { FuturesOiReading, OptionsOiReading, Sourced } from '../ports/futures-market.port';
import { fallingBars, risingBars } from './bars.fixture';
import { real, ScriptedFuturesMarket, unavailable } from './scripted-market.fake';

/** The screen day of the scenarios (a Tuesday) and its last completed session. */
export const SCREEN_DATE: IsoDate = '2026-12-01';
export const LAST_SESSION: IsoDate = '2026-11-30';
/** Monthly stock futures listed on the screen day. */
export const EXPIRIES: readonly IsoDate[] = ['2026-12-29', '2027-01-26', '2027-02-23'];

/** Futures OI readings of the four plan §6 cases and a quiet one (OI +7%/−7%/+2%). */
export const oi = {
  longBuildup: (close: number) => real<FuturesOiReading>({ oi: 1_070_000, prevOi: 1_000_000, ltp: close * 1.01, prevClose: close }),
  shortBuildup: (close: number) => real<FuturesOiReading>({ oi: 1_070_000, prevOi: 1_000_000, ltp: close * 0.99, prevClose: close }),
  quiet: (close: number) => real<FuturesOiReading>({ oi: 1_020_000, prevOi: 1_000_000, ltp: close * 1.01, prevClose: close }),
  none: unavailable('the replay has no futures OI') as Sourced<FuturesOiReading>,
};

/** Option chains: PCR 1.5 (bullish), 0.5 (bearish), or none. */
export const chain = {
  bullish: real<OptionsOiReading>({ expiry: '2026-12-29', calls: [{ strike: 100, oi: 1_000_000 }], puts: [{ strike: 90, oi: 1_500_000 }] }),
  bearish: real<OptionsOiReading>({ expiry: '2026-12-29', calls: [{ strike: 100, oi: 2_000_000 }], puts: [{ strike: 90, oi: 1_000_000 }] }),
  none: unavailable('no option chain of this stock') as Sourced<OptionsOiReading>,
};

const last = (bars: readonly PriceBar[]) => bars[bars.length - 1].close;

/**
 * A market of ten underlyings, one per screen outcome: INFY (LONG, OI + PCR agree), TCS (LONG,
 * no chain), SBIN (SHORT), HDFCBANK (LONG against a bearish bank sector), RELIANCE (no OI), ITC
 * (quiet OI), LT (no sector data), ZZZCORP (not in the sector map), WIPRO (30 bars only), NIFTY
 * (index: no OI). Traded values rank them in that order (INFY first).
 */
export function screenScenario(calendar: NseCalendar = createDefaultNseCalendar()): ScriptedFuturesMarket {
  const m = new ScriptedFuturesMarket(calendar, EXPIRIES);
  const up = (from = 1000) => risingBars(calendar, LAST_SESSION, from);
  const down = (from = 1000) => fallingBars(calendar, LAST_SESSION, from);
  const add = (symbol: string, bars: PriceBar[], value: number, futuresOi: Sourced<FuturesOiReading>, options: Sourced<OptionsOiReading>, lotSize = 400) =>
    m.add(symbol, { bars, lotSize, tradedValueRupees: value, futuresOi, options, price: last(bars) });
  const infy = up(1000);
  add('INFY', infy, 9e9, oi.longBuildup(last(infy)), chain.bullish);
  const tcs = up(2000);
  add('TCS', tcs, 8e9, oi.longBuildup(last(tcs)), chain.none, 175);
  const sbin = down(800);
  add('SBIN', sbin, 7e9, oi.shortBuildup(last(sbin)), chain.bearish, 750);
  const hdfc = up(900);
  add('HDFCBANK', hdfc, 6e9, oi.longBuildup(last(hdfc)), chain.bullish, 550);
  const ril = up(1300);
  add('RELIANCE', ril, 5e9, oi.none, chain.none, 500);
  const itc = up(400);
  add('ITC', itc, 4e9, oi.quiet(last(itc)), chain.none, 1600);
  const lt = up(3500);
  add('LT', lt, 3e9, oi.longBuildup(last(lt)), chain.none, 150);
  const zzz = up(100);
  add('ZZZCORP', zzz, 2e9, oi.longBuildup(last(zzz)), chain.none, 5000);
  const wipro = up(250).slice(-30);
  add('WIPRO', wipro, 1e9, oi.longBuildup(last(wipro)), chain.none, 3000);
  const nifty = up(26000);
  add('NIFTY', nifty, 0, oi.none, chain.bullish, 75);
  const perf = (p: number) => real({ asOfDate: LAST_SESSION, perf3d: p, perf7d: 2 * p, perf21d: 4 * p });
  m.sectors.set('NIFTY IT', perf(0.8));
  m.sectors.set('NIFTY BANK', perf(-0.6));
  m.sectors.set('NIFTY ENERGY', perf(0.5));
  m.sectors.set('NIFTY FMCG', perf(0.4));
  m.sectors.set('NIFTY 50', perf(0.3));
  return m;
}
