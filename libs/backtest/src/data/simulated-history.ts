import { addDays, epochMsOfIst, FixedClock, type IsoDate, type NseCalendar, type PriceBar } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { MarketHistory } from './market-history';
import { DailySeries, IntradaySeries } from './price-series';

const FIFTEEN_MINUTES = 900_000;
const WARM_UP_TRADING_DAYS = 60;

/** US index closes (from 100) whose day-on-day moves are the given changes, each dated the calendar day before the IST date it is a cue for. */
function usSeries(changes: readonly { date: IsoDate; changePct: number }[]): DailySeries {
  let close = 100;
  const bars: PriceBar[] = [{ date: addDays(changes[0]?.date ?? '2000-01-02', -2), open: close, high: close, low: close, close, volume: 0 }];
  for (const c of changes) {
    close *= 1 + c.changePct / 100;
    bars.push({ date: addDays(c.date, -1), open: close, high: close, low: close, close, volume: 0 });
  }
  return DailySeries.fromBars(bars);
}

/**
 * A market history made by the seeded NSE simulator (`@mcube/market-sim`) instead of a data
 * folder: NIFTY and India VIX 15-minute and daily bars from `from` (after 60 warm-up trading
 * days) to `to`, and NASDAQ and Dow series whose moves are the simulator's overnight cues. No
 * real option rows (every option price is MODELLED). Same seed, same history.
 */
export async function simulatedHistory(input: { seed: number; from: IsoDate; to: IsoDate; calendar: NseCalendar }): Promise<MarketHistory> {
  const { calendar } = input;
  let start = input.from;
  for (let i = 0; i < WARM_UP_TRADING_DAYS; i++) start = calendar.previousTradingDay(start);
  const clock = new FixedClock(epochMsOfIst(start));
  const sim = new MarketSimulator({ seed: input.seed, startDate: start, calendar, tickIntervalMs: FIFTEEN_MINUTES / 3, warmupTradingDays: 0 }, clock);
  const nasdaq: { date: IsoDate; changePct: number }[] = [];
  const dow: { date: IsoDate; changePct: number }[] = [];
  for (let d = calendar.isTradingDay(start) ? start : calendar.nextTradingDay(start); d <= input.to; d = calendar.nextTradingDay(d)) {
    clock.set(epochMsOfIst(d, '09:20'));
    const cues = await sim.globalCues();
    const change = (name: string) => cues.indices.find((i) => i.name === name)?.changePct;
    const n = change('NASDAQ');
    const w = change('DOW JONES');
    if (n !== undefined) nasdaq.push({ date: d, changePct: n });
    if (w !== undefined) dow.push({ date: d, changePct: w });
  }
  clock.set(epochMsOfIst(addDays(input.to, 1)));
  const bars = (symbol: string, interval: '1d' | '15m') => sim.historyBars({ symbol, interval, from: start, to: input.to });
  const [nd, vd, n15, v15] = await Promise.all([bars('NIFTY 50', '1d'), bars('INDIA VIX', '1d'), bars('NIFTY 50', '15m'), bars('INDIA VIX', '15m')]);
  return new MarketHistory({
    folder: `simulator:seed=${input.seed}`,
    niftyDaily: DailySeries.fromBars(nd),
    vixDaily: DailySeries.fromBars(vd),
    nifty15m: IntradaySeries.fromBars(n15, FIFTEEN_MINUTES),
    vix15m: IntradaySeries.fromBars(v15, FIFTEEN_MINUTES),
    us: { nasdaq: usSeries(nasdaq), dow: usSeries(dow), sp500: null },
    optionRows: new Map(),
    gaps: ['simulated market (seeded): no real option rows, no S&P 500'],
  });
}
