import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from './market-simulator';
import { listedOptionExpiries } from '../instruments/instrument-master';
import { SCREEN_STOCK_HISTORY_TRADING_DAYS } from './sim-config';

// The stock-only history is drawn from its own stream and joined to each stock's start price:
// with or without it, the same seed gives the same market from the first warm-up day on.
const calendar = createDefaultNseCalendar();
const START = '2026-11-16';

async function marketAt(stockHistoryTradingDays: number) {
  const clock = new FixedClock(epochMsOfIst(START, '11:00'));
  const sim = new MarketSimulator({ seed: 1, startDate: START, tickIntervalMs: 15 * 60_000, calendar, stockHistoryTradingDays }, clock);
  const [expiry] = listedOptionExpiries({ calendar, date: START });
  return {
    sim,
    nifty: await sim.quote('NIFTY 50'),
    vix: await sim.vix(),
    chain: await sim.optionChain({ underlying: 'NIFTY', expiry }),
    stocks: await sim.liquidFnoStocks({ date: START }),
    sectors: await sim.sectorPerformance(calendar.previousTradingDay(START)),
    infyFrom: (from: string) => sim.historyBars({ symbol: 'INFY', interval: '1d', from, to: calendar.previousTradingDay(START) }),
  };
}

describe('the stock-only history before the warm-up', () => {
  it('adds daily stock bars before the warm-up and changes nothing from the first warm-up day on', async () => {
    const plain = await marketAt(0);
    const longer = await marketAt(SCREEN_STOCK_HISTORY_TRADING_DAYS);
    expect(longer.nifty).toEqual(plain.nifty);
    expect(longer.vix).toEqual(plain.vix);
    expect(longer.chain).toEqual(plain.chain);
    expect(longer.stocks).toEqual(plain.stocks);
    expect(longer.sectors).toEqual(plain.sectors);
    const plainBars = await plain.infyFrom('2025-01-01');
    const longerBars = await longer.infyFrom('2025-01-01');
    expect(plainBars).toHaveLength(30);
    expect(longerBars).toHaveLength(30 + SCREEN_STOCK_HISTORY_TRADING_DAYS);
    expect(longerBars.slice(SCREEN_STOCK_HISTORY_TRADING_DAYS)).toEqual(plainBars);
    // Joined without a jump: the last history close is the price the warm-up starts from.
    expect(longerBars[SCREEN_STOCK_HISTORY_TRADING_DAYS - 1].close).toBeCloseTo(plainBars[0].open, 0);
    for (const b of longerBars.slice(0, SCREEN_STOCK_HISTORY_TRADING_DAYS)) {
      expect(calendar.isTradingDay(b.date)).toBe(true);
      expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close));
      expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
      expect(b.volume).toBeGreaterThan(0);
    }
  });
});
