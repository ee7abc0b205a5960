import { addDays, createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator, SCREEN_INDEX_HISTORY_TRADING_DAYS, SCREEN_STOCK_HISTORY_TRADING_DAYS } from '@mcube/market-sim';
import { MarketDataFuturesSource } from '../adapters/market-data-futures-source';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import { screenFutures } from './screen-futures';

// Command 1 runs this screen on the simulator (seed 1, the default warm-up plus the stock and
// index history the indicators need) at the plan's defaults: OI change > 5% with the price, score ≥ 65,
// every sector timeframe aligned. The simulator's futures OI follows each day's positioning and
// price move, so on most sessions some stock shows a buildup (or covering / unwinding) in a sector
// trending its way: the screen at 09:30–11:30 then proposes at least one candidate.
const calendar = createDefaultNseCalendar();
const SLOTS = ['09:30', '10:00', '10:30', '11:00', '11:30'];

describe('the futures screen on the simulator as command 1 builds it (seed 1, plan defaults)', () => {
  it('proposes at least one candidate in most sessions of a week, each a real buildup in an aligned sector', async () => {
    const start = '2026-11-16';
    const clock = new FixedClock(epochMsOfIst(start, '09:15'));
    const sim = new MarketSimulator({ seed: 1, startDate: start, tickIntervalMs: 15 * 60_000, calendar, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS, indexHistoryTradingDays: SCREEN_INDEX_HISTORY_TRADING_DAYS }, clock);
    const source = new MarketDataFuturesSource(sim, calendar, clock);
    const config = resolveIciciFuturesConfig({});
    const sessionsWithCandidate: string[] = [];
    let sessions = 0;
    for (let date = start; sessions < 5; date = addDays(date, 1)) {
      if (!calendar.isTradingDay(date)) continue;
      sessions++;
      let found = false;
      for (const time of SLOTS) {
        clock.set(epochMsOfIst(date, time));
        const r = await screenFutures({ market: source, calendar, config, date, lastSession: calendar.previousTradingDay(date) });
        expect(r.dropped.filter((d) => d.code === 'INSUFFICIENT_HISTORY')).toEqual([]);
        for (const c of r.candidates) {
          expect(c.score.score).toBeGreaterThanOrEqual(65);
          expect(c.sector.verdict).toBe(c.direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
          expect(Math.abs(c.openInterest.oiChangePct!)).toBeGreaterThan(5);
          // Long buildup / short covering go LONG with the price up; short buildup / long unwinding SHORT with it down.
          expect(Math.sign(c.openInterest.priceChangePct!)).toBe(c.direction === 'LONG' ? 1 : -1);
        }
        found ||= r.candidates.length > 0;
      }
      if (found) sessionsWithCandidate.push(date);
    }
    expect(sessionsWithCandidate.length).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
