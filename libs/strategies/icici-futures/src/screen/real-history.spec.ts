import { createDefaultNseCalendar, rsi } from '@mcube/domain';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import { SharedHistoryFuturesMarket } from '../testing/shared-history.market';
import { lastSessions } from '../universe/select-universe';
import { screenFutures } from './screen-futures';

// A screen on 2025-11-20 from the real history in ../shared/data (read in place): the equity
// bhavcopy of the F&O stocks, the sector indices, and the futures listed around 2025-11-20.
const calendar = createDefaultNseCalendar();
const market = new SharedHistoryFuturesMarket();
const DATE = '2025-11-20';
const LAST = '2025-11-19';
const run = (overrides = {}) => screenFutures({ market, calendar, config: resolveIciciFuturesConfig(overrides), date: DATE, lastSession: LAST });

describe('the futures screen on real history (2025-11-20)', () => {
  it('ranks the top 50 F&O stocks by mean traded value over the 20 sessions the bhavcopy holds before the day', async () => {
    const dates = [...new Set(market.stockRows.map((r) => r['date']))].filter((d) => d <= LAST && d !== '2025-10-21').sort().slice(-20);
    // The Diwali muhurat hour of 2025-10-21 is in the bhavcopy but is no trading session of the calendar.
    expect(lastSessions(calendar, LAST, 20)).toEqual(dates);
    const totals = new Map<string, number>();
    for (const r of market.stockRows) if (dates.includes(r['date'])) totals.set(r['symbol'], (totals.get(r['symbol']) ?? 0) + Number(r['turnover_inr']));
    const listed = new Set((await market.futuresContracts(DATE)).map((c) => c.underlying));
    const expected = [...totals.entries()].filter(([s]) => listed.has(s)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 50).map(([s]) => s);
    const r = await run();
    const stocks = r.universe.filter((u) => u.kind === 'STOCK');
    expect(stocks.map((u) => u.underlying)).toEqual(expected);
    expect(stocks[0].averageTradedValueRupees).toBeCloseTo(totals.get(expected[0])! / 20, 2);
    expect(r.universe.filter((u) => u.kind === 'INDEX').map((u) => u.underlying)).toEqual(['NIFTY', 'BANKNIFTY']);
    expect(r.liquidity.sessionsMissing).toEqual([]);
  }, 60_000);

  it('drops every member for want of futures OI at the default policy: the history has none', async () => {
    const r = await run();
    expect(r.candidates).toEqual([]);
    expect(new Set(r.dropped.map((d) => d.code))).toEqual(new Set(['OI_UNAVAILABLE']));
    expect(r.dropped[0].reason).toMatch(/the equity bhavcopy has no futures OI/);
  }, 60_000);

  it('under SCORE_ZERO reads every sector over 3/7/21 sessions from the index files and the technicals from the bars', async () => {
    const r = await run({ missingOiPolicy: 'SCORE_ZERO', minScreeningScore: 0 });
    const judged = [...r.candidates, ...r.dropped];
    // Sectors without a series in the data (financial services, consumption) cannot be judged: dropped, never guessed.
    const noSeries = judged.filter((d) => 'code' in d && d.code === 'SECTOR_UNAVAILABLE').map((d) => d.underlying);
    expect(noSeries).toEqual(expect.arrayContaining(['BAJFINANCE', 'ETERNAL']));
    // NIFTY IT by hand from its file: the close of 2025-11-19 against 3, 7 and 21 rows earlier.
    const it_ = market.indexSeries('NIFTY IT').filter((b) => b.date <= LAST);
    const pct = (n: number) => (it_[it_.length - 1].close / it_[it_.length - 1 - n].close - 1) * 100;
    const infy = judged.find((c) => c.underlying === 'INFY')!;
    expect(infy.sector).toMatchObject({ index: 'NIFTY IT', asOfDate: LAST, perf3d: expect.closeTo(pct(3), 9), perf7d: expect.closeTo(pct(7), 9), perf21d: expect.closeTo(pct(21), 9) });
    // Every candidate's direction comes from its sector, with OI scored 0.
    expect(r.candidates.length).toBeGreaterThan(0);
    for (const c of r.candidates) {
      expect(c).toMatchObject({ directionSource: 'SECTOR', score: { components: { oi: 0 } } });
      expect(c.sector.verdict).toBe(c.direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
      expect(c.score.score).toBeLessThanOrEqual(60);
      expect(c.expiry).toMatchObject({ expiry: '2025-12-30', skipped: true });
    }
    // The technicals are those of the stock's own completed bars (RSI as the domain computes it).
    const withTechnicals = judged.find((c) => c.technicals && c.underlying !== 'NIFTY' && c.underlying !== 'BANKNIFTY')!;
    const closes = market.stockRows.filter((row) => row['symbol'] === withTechnicals.underlying && row['date'] <= LAST).map((row) => Number(row['close'])).slice(-120);
    expect(withTechnicals.technicals!.rsi).toBeCloseTo(rsi(closes, 14).at(-1)!, 9);
    expect(withTechnicals.technicals!.lastDate).toBe(LAST);
  }, 60_000);
});
