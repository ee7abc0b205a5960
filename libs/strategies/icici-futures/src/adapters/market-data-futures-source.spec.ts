import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from '@mcube/market-sim';
import { resolveIciciFuturesConfig } from '../config/validate-config';
import { IciciFuturesStrategy } from '../icici-futures.strategy';
import { screenFutures } from '../screen/screen-futures';
import { InMemoryApprovalQueue } from '../testing/approval-queue.fake';
import { FakeFuturesBook } from '../testing/futures-book.fake';
import { InMemoryFuturesJournal, RecordingFuturesAlerts } from '../testing/journal.fake';
import { ScriptedValidator, TinyKnowledgeStore } from '../testing/validator.fake';
import { MarketDataFuturesSource } from './market-data-futures-source';

const calendar = createDefaultNseCalendar();
// 2026-03-03 is a holiday (Holi): the screen day is 03-05, its last completed session 03-04.
const clock = new FixedClock(epochMsOfIst('2026-03-05', '11:15'));
const sim = new MarketSimulator({ seed: 11, startDate: '2026-03-02', tickIntervalMs: 15 * 60_000, warmupTradingDays: 65, calendar }, clock);
const source = new MarketDataFuturesSource(sim, calendar, clock);
const config = resolveIciciFuturesConfig({ historySessions: 60 });

describe('MarketDataFuturesSource over the market simulator', () => {
  it('lists stock and index futures from the instrument master', async () => {
    const contracts = await source.futuresContracts('2026-03-05');
    expect(contracts.filter((c) => c.underlying === 'INFY').map((c) => c.expiry)).toHaveLength(3);
    expect(contracts.find((c) => c.underlying === 'NIFTY')).toMatchObject({ lotSize: 65, tickSize: 0.05 });
  });

  it('gives traded value per stock for a completed session', async () => {
    const rows = await source.sessionLiquidity('2026-03-04');
    expect(rows).toHaveLength(50);
    expect(rows.every((r) => r.tradedValueRupees > 0)).toBe(true);
  });

  it('gives stock futures OI (modelled) with its previous value, and marks stock chains unavailable', async () => {
    const expiry = (await source.futuresContracts('2026-03-05')).find((c) => c.underlying === 'INFY')!.expiry;
    const infy = await source.futuresOpenInterest({ underlying: 'INFY', expiry });
    expect(infy).toMatchObject({ available: true, source: 'MODELLED' });
    if (infy.available) expect(infy.value.prevOi).toBeGreaterThan(0);
    expect(await source.optionsOpenInterest({ underlying: 'INFY', date: '2026-03-05' })).toMatchObject({ available: false });
    const nifty = await source.optionsOpenInterest({ underlying: 'NIFTY', date: '2026-03-05' });
    expect(nifty).toMatchObject({ available: true, source: 'MODELLED' });
  });

  it('gives index futures OI as the sum over the listed months now and at the previous close, with the requested contract\'s price', async () => {
    const contracts = await source.futuresContracts('2026-03-05');
    for (const underlying of ['NIFTY', 'BANKNIFTY']) {
      const expiries = contracts.filter((c) => c.underlying === underlying).map((c) => c.expiry);
      expect(expiries).toHaveLength(3);
      const quotes = await Promise.all(expiries.map((expiry) => sim.futuresQuote({ underlying, expiry })));
      const oi = await source.futuresOpenInterest({ underlying, expiry: expiries[1] });
      expect(oi).toEqual({
        available: true,
        source: 'MODELLED',
        value: {
          oi: quotes.reduce((a, q) => a + q.openInterest!, 0),
          prevOi: quotes.reduce((a, q) => a + q.previousOpenInterest!, 0),
          ltp: quotes[1].lastPrice,
          prevClose: quotes[1].previousClose,
        },
      });
    }
    expect(await source.futuresOpenInterest({ underlying: 'NIFTY', expiry: '2026-03-31' })).toMatchObject({ available: false, reason: expect.stringMatching(/no NIFTY future expiring 2026-03-31/) });
  });

  it('marks index futures OI unavailable when the source gives no previous-day OI', async () => {
    const { previousOpenInterest: _dropped, ...withoutPrev } = await sim.futuresQuote({ underlying: 'NIFTY', expiry: '2026-03-30' });
    void _dropped;
    const bare = Object.assign(Object.create(sim) as MarketSimulator, { futuresQuote: async () => withoutPrev });
    const plain = new MarketDataFuturesSource(bare, calendar, clock);
    expect(await plain.futuresOpenInterest({ underlying: 'NIFTY', expiry: '2026-03-30' })).toMatchObject({ available: false, reason: expect.stringMatching(/previous-day OI of NIFTY/) });
  });

  it('reads sector performance from the source, or computes it from the index closes', async () => {
    const it_ = await source.sectorPerformance({ index: 'NIFTY IT', date: '2026-03-04' });
    const moves = await sim.sectorPerformance('2026-03-04');
    const m = moves.find((x) => x.index === 'NIFTY IT')!;
    expect(it_).toEqual({ available: true, source: 'REAL', value: { asOfDate: '2026-03-04', perf3d: m.perf3dPct, perf7d: m.perf7dPct, perf21d: m.perf21dPct } });
    const nifty = await source.sectorPerformance({ index: 'NIFTY 50', date: '2026-03-04' });
    const closes = (await sim.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2025-12-01', to: '2026-03-04' })).map((b) => b.close);
    expect(nifty).toMatchObject({ available: true, value: { perf21d: expect.closeTo((closes.at(-1)! / closes.at(-22)! - 1) * 100, 9) } });
  });

  it('prices a stock future by carrying the stock to expiry (MODELLED), an index future from the source', async () => {
    const expiry = (await source.futuresContracts('2026-03-05')).find((c) => c.underlying === 'INFY')!.expiry;
    const spot = (await sim.quote('INFY')).lastPrice;
    const touch = await source.futuresTouch({ underlying: 'INFY', expiry });
    expect(touch.source).toBe('MODELLED');
    expect(touch.lastPrice).toBeGreaterThan(spot);
    expect(touch.lastPrice / spot - 1).toBeLessThan(0.01);
    expect(touch.ask! - touch.bid!).toBeCloseTo(0.1, 9);
  });

  it('screens the simulated universe: 50 stocks, NIFTY and BANKNIFTY, each judged on its futures OI, candidates at ≥ 65 with their sector aligned', async () => {
    const r = await screenFutures({ market: source, calendar, config, date: '2026-03-05', lastSession: '2026-03-04' });
    expect(r.universe).toHaveLength(52);
    expect(r.universe.filter((u) => u.kind === 'INDEX').map((u) => u.underlying)).toEqual(['NIFTY', 'BANKNIFTY']);
    expect(r.dropped.filter((d) => d.code === 'OI_UNAVAILABLE')).toEqual([]);
    for (const underlying of ['NIFTY', 'BANKNIFTY']) {
      const judged = [...r.candidates, ...r.dropped].find((x) => x.underlying === underlying)!;
      expect(judged.openInterest).toMatchObject({ available: true, futuresSource: 'MODELLED', oiChangePct: expect.any(Number), priceChangePct: expect.any(Number) });
    }
    for (const c of r.candidates) {
      expect(c.score.score).toBeGreaterThanOrEqual(65);
      expect(c.sector.verdict).toBe(c.direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
      expect(c.openInterest).toMatchObject({ available: true, futuresSource: 'MODELLED', optionsSignal: 'UNAVAILABLE' });
    }
    expect(r.dropped.filter((d) => d.code === 'DATA_ERROR')).toEqual([]);
    // On this day no stock's OI moved 5% by 11:15 (the ten-session test below reaches approvals).
    expect(r.dropped.every((d) => ['NO_OI_SIGNAL', 'SECTOR_NOT_ALIGNED', 'SECTOR_UNAVAILABLE', 'SCORE_BELOW_MIN'].includes(d.code))).toBe(true);
    const quiet = r.dropped.find((d) => d.code === 'NO_OI_SIGNAL')!;
    expect(Math.abs(quiet.openInterest!.oiChangePct!)).toBeLessThanOrEqual(5);
  });
});

describe('the strategy over ten simulated sessions (screens only; a person never answers)', () => {
  it('requests approval only for candidates at ≥ 65 with every sector timeframe aligned, one open request at a time, and sends no order', async () => {
    const c = new FixedClock(epochMsOfIst('2026-03-04', '09:15'));
    const market = new MarketSimulator({ seed: 5, startDate: '2026-03-04', tickIntervalMs: 15 * 60_000, warmupTradingDays: 65, calendar }, c);
    const book = new FakeFuturesBook();
    const approvals = new InMemoryApprovalQueue();
    const journal = new InMemoryFuturesJournal();
    const strategy = new IciciFuturesStrategy(
      { market: new MarketDataFuturesSource(market, calendar, c), account: book, orders: book, validator: new ScriptedValidator(), knowledge: new TinyKnowledgeStore(), approvals, journal, alerts: new RecordingFuturesAlerts(), clock: c, calendar },
      config,
    );
    const days: string[] = [];
    for (let d = '2026-03-04'; days.length < 10; d = calendar.nextTradingDay(d)) days.push(d);
    for (const day of days) {
      for (const time of ['09:30', '10:00', '10:30', '11:00', '11:30']) {
        c.set(epochMsOfIst(day, time));
        await strategy.onTick();
        expect((await approvals.openRequests('ICICI', c.nowMs())).length).toBeLessThanOrEqual(1);
      }
    }
    expect(book.intents).toEqual([]);
    expect(journal.records.filter((r) => r.kind === 'SCREEN' || r.kind === 'SKIP').length).toBeGreaterThanOrEqual(days.length * 4);
    for (const r of approvals.requests) {
      expect(r.candidate!.score.score).toBeGreaterThanOrEqual(65);
      expect(r.candidate!.sector.verdict).toBe(r.direction === 'LONG' ? 'STRONG_BULLISH' : 'STRONG_BEARISH');
      expect(r.riskPaise).toBeLessThanOrEqual(60_000_00);
      expect(r.exposurePaise).toBeLessThanOrEqual(1_50_00_000_00);
    }
    expect(approvals.requests.length).toBeGreaterThan(0);
  }, 120_000);
});
