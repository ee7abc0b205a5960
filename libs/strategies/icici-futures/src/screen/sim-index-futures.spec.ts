import { addDays, analyzeOpenInterest, createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator, SCREEN_INDEX_HISTORY_TRADING_DAYS, SCREEN_STOCK_HISTORY_TRADING_DAYS } from '@mcube/market-sim';
import { MarketDataFuturesSource } from '../adapters/market-data-futures-source';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import { screenFutures } from './screen-futures';
import type { DroppedCandidate, ScreenedCandidate } from './screen-report';

// The NIFTY and BANKNIFTY futures on the simulator as command 1 builds it (seed 1, default
// warm-up plus the stock and index history), at the plan's defaults: each screen judges them on
// their futures OI (the simulator's index OI series, summed over the listed months) and their
// index's bars, never dropping them for want of OI or history; the figures are the seed's.
const calendar = createDefaultNseCalendar();
const SLOTS = ['09:30', '10:30', '11:30'];
const INDICES = ['NIFTY', 'BANKNIFTY'];

async function indexJudgements(seed: number, start: string, sessions: number): Promise<(ScreenedCandidate | DroppedCandidate)[]> {
  const clock = new FixedClock(epochMsOfIst(start, '09:15'));
  const sim = new MarketSimulator({ seed, startDate: start, tickIntervalMs: 15 * 60_000, calendar, stockHistoryTradingDays: SCREEN_STOCK_HISTORY_TRADING_DAYS, indexHistoryTradingDays: SCREEN_INDEX_HISTORY_TRADING_DAYS }, clock);
  const source = new MarketDataFuturesSource(sim, calendar, clock);
  const config = resolveIciciFuturesConfig({});
  const out: (ScreenedCandidate | DroppedCandidate)[] = [];
  let n = 0;
  for (let date = start; n < sessions; date = addDays(date, 1)) {
    if (!calendar.isTradingDay(date)) continue;
    n++;
    for (const time of SLOTS) {
      clock.set(epochMsOfIst(date, time));
      const r = await screenFutures({ market: source, calendar, config, date, lastSession: calendar.previousTradingDay(date) });
      expect(r.universe.filter((u) => u.kind === 'INDEX').map((u) => u.underlying)).toEqual(INDICES);
      for (const u of INDICES) out.push([...r.candidates, ...r.dropped].find((x) => x.underlying === u)!);
    }
  }
  return out;
}

describe('index futures in the futures screen on the simulator (seed 1, plan defaults)', () => {
  it('judges NIFTY and BANKNIFTY on their modelled futures OI in every screen, by the plan\'s OI rule, as the seed gives them', async () => {
    const judged = await indexJudgements(1, '2026-11-16', 5);
    expect(judged).toHaveLength(5 * SLOTS.length * 2);
    for (const j of judged) {
      expect('code' in j ? j.code : 'CANDIDATE').not.toMatch(/OI_UNAVAILABLE|INSUFFICIENT_HISTORY|DATA_ERROR/);
      const oi = j.openInterest!;
      expect(oi).toMatchObject({ available: true, futuresSource: 'MODELLED' });
      // The plan §6 rule on the figures the screen read: a move of the threshold with the price gives the direction.
      const again = analyzeOpenInterest({ futures: { oi: 100 * (1 + oi.oiChangePct! / 100), prevOi: 100, ltp: 100 * (1 + oi.priceChangePct! / 100), prevClose: 100 }, calls: [{ strike: 1, oi: 1 }], puts: [{ strike: 1, oi: 1 }], oiChangeThresholdPct: 5, pcrBullishAbove: 1.3, pcrBearishBelow: 0.7 });
      expect(oi.signal).toBe(again.signal);
    }
    // Quiet days and trending ones: most screens see no 5% buildup, some do.
    const signals = judged.filter((j) => j.openInterest!.signal !== 'NEUTRAL');
    expect(signals.length).toBeGreaterThanOrEqual(1);
    expect(judged.filter((j) => 'code' in j && j.code === 'NO_OI_SIGNAL').length).toBeGreaterThanOrEqual(1);
    // A buildup in an aligned index is scored on the index's own bars (technicals need the index history) and can be proposed.
    const proposed = judged.filter((j): j is ScreenedCandidate => !('code' in j));
    expect(proposed.length).toBeGreaterThanOrEqual(1);
    for (const c of proposed) {
      expect(c.score.score).toBeGreaterThanOrEqual(65);
      expect(c.technicals.emaSlow).not.toBeNull();
      expect(c.sector.index).toBe(c.underlying === 'NIFTY' ? 'NIFTY 50' : 'NIFTY BANK');
    }
    const figures = judged.map((j) => [j.underlying, j.openInterest!.oiChangePct, j.openInterest!.priceChangePct]);
    expect(new Set(figures.map((f) => f[1])).size).toBeGreaterThan(figures.length / 2);
    // Deterministic per seed: the same seed gives the same OI series, another seed another.
    expect((await indexJudgements(1, '2026-11-16', 2)).map((j) => [j.underlying, j.openInterest!.oiChangePct, j.openInterest!.priceChangePct])).toEqual(figures.slice(0, 2 * SLOTS.length * 2));
    expect((await indexJudgements(2, '2026-11-16', 2)).map((j) => j.openInterest!.oiChangePct)).not.toEqual(figures.slice(0, 2 * SLOTS.length * 2).map((f) => f[1]));
  }, 600_000);
});
