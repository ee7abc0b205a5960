import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { listedOptionExpiries } from '../instruments/instrument-master';
import { MarketSimulator } from './market-simulator';
import { SCREEN_INDEX_HISTORY_TRADING_DAYS, SCREEN_STOCK_HISTORY_TRADING_DAYS } from './sim-config';

// The index history is drawn from its own stream and joined to each index's start level: with or
// without it, the same seed gives the same market (NIFTY, VIX, options, stocks, sectors, index
// futures and their OI) from the first warm-up day on; only earlier daily bars are added.
const calendar = createDefaultNseCalendar();
const START = '2026-11-16';
const LAST = calendar.previousTradingDay(START);

async function marketAt(indexHistoryTradingDays: number) {
  const clock = new FixedClock(epochMsOfIst(START, '11:00'));
  const sim = new MarketSimulator({ seed: 1, startDate: START, tickIntervalMs: 15 * 60_000, calendar, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS, indexHistoryTradingDays }, clock);
  const [expiry] = listedOptionExpiries({ calendar, date: START });
  const futures = (await sim.instruments(START)).filter((r) => r.kind === 'FUT' && (r.underlying === 'NIFTY' || r.underlying === 'BANKNIFTY'));
  return {
    nifty: await sim.quote('NIFTY 50'),
    vix: await sim.vix(),
    chain: await sim.optionChain({ underlying: 'NIFTY', expiry }),
    stocks: await sim.liquidFnoStocks({ date: START }),
    sectors: await sim.sectorPerformance(LAST),
    futures: await Promise.all(futures.map((f) => sim.futuresQuote({ underlying: f.underlying, expiry: f.expiry }))),
    infy: await sim.historyBars({ symbol: 'INFY', interval: '1d', from: '2025-01-01', to: LAST }),
    barsOf: (symbol: string) => sim.historyBars({ symbol, interval: '1d', from: '2025-01-01', to: LAST }),
  };
}

describe('the index history before the warm-up', () => {
  it('adds daily bars of NIFTY 50 and every sector index before the warm-up and changes nothing from the first warm-up day on', async () => {
    const plain = await marketAt(0);
    const longer = await marketAt(SCREEN_INDEX_HISTORY_TRADING_DAYS);
    expect(longer.nifty).toEqual(plain.nifty);
    expect(longer.vix).toEqual(plain.vix);
    expect(longer.chain).toEqual(plain.chain);
    expect(longer.stocks).toEqual(plain.stocks);
    expect(longer.sectors).toEqual(plain.sectors);
    expect(longer.futures).toEqual(plain.futures);
    expect(longer.futures).toHaveLength(6);
    expect(longer.infy).toEqual(plain.infy);
    for (const symbol of ['NIFTY 50', 'NIFTY BANK', 'NIFTY IT']) {
      const before = await plain.barsOf(symbol);
      const after = await longer.barsOf(symbol);
      expect(before).toHaveLength(30);
      expect(after).toHaveLength(30 + SCREEN_INDEX_HISTORY_TRADING_DAYS);
      expect(after.slice(SCREEN_INDEX_HISTORY_TRADING_DAYS)).toEqual(before);
      // Joined without a jump: the last history close is the level the warm-up starts from.
      expect(after[SCREEN_INDEX_HISTORY_TRADING_DAYS - 1].close).toBeCloseTo(before[0].open, 0);
      for (const b of after.slice(0, SCREEN_INDEX_HISTORY_TRADING_DAYS)) {
        expect(calendar.isTradingDay(b.date)).toBe(true);
        expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
        expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
      }
      const closes = after.slice(0, SCREEN_INDEX_HISTORY_TRADING_DAYS + 1).map((b) => b.close);
      const moves = closes.slice(1).map((c, i) => Math.abs(Math.log(c / closes[i])));
      // An index's day, not a stock's: under 4% every day of the history.
      expect(Math.max(...moves)).toBeLessThan(0.04);
    }
  });
});
