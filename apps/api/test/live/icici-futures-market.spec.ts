import { addDays, createDefaultNseCalendar } from '@mcube/domain';
import { resolveIciciFuturesConfig, screenFutures } from '@mcube/strategy-icici-futures';
import { iciciFuturesMarket } from '../../src/modules/orders/live/icici/icici-futures-market';
import { dailyCandles } from './breeze-candles';
import { ICICI_SESSION_KEY, startIciciLive, type IciciLiveHarness } from './icici-live-harness';

const DAY = '2026-08-20';

describe('the futures screener on Breeze market data (local Breeze server, recorded-shape chains and historical bars)', () => {
  let h: IciciLiveHarness;
  beforeEach(async () => {
    h = await startIciciLive();
    await h.sessions.enter(h.account.id, ICICI_SESSION_KEY);
    await h.handlers.handlerFor('instruments.refresh')({ slot: 'x' } as never, {} as never);
  });
  afterEach(async () => h.close());

  it('reads futures (NSE names), daily bars, the NIFTY chain\'s OI (PCR) and sector moves through the strategy\'s market port; every call signed and verified', async () => {
    const calendar = createDefaultNseCalendar();
    h.server.market.setCandles({ exchange: 'NSE', stockCode: 'RELIND', interval: '1day' }, dailyCandles(DAY, 30, (i) => 1300 + i * 4));
    h.server.market.setCandles({ exchange: 'NSE', stockCode: 'CNXBAN', interval: '1day' }, dailyCandles(DAY, 30, (i) => 50_000 + 100 * i));
    h.server.market.setOptionChain('NIFTY', '2026-08-25', 24_610, [
      { strike: 24_500, call: { ltp: 180, openInterest: 100_000, changeInOi: 5_000 }, put: { ltp: 70, openInterest: 150_000, changeInOi: 9_000 } },
      { strike: 24_700, call: { ltp: 90, openInterest: 200_000, changeInOi: 12_000 }, put: { ltp: 160, openInterest: 90_000, changeInOi: -3_000 } },
    ]);
    const market = await iciciFuturesMarket(h.live, h.account.id, calendar, h.clock);

    const futures = await market.futuresContracts(DAY);
    expect(futures).toEqual(expect.arrayContaining([expect.objectContaining({ underlying: 'RELIANCE', expiry: '2026-08-25', lotSize: 500 }), expect.objectContaining({ underlying: 'BANKNIFTY' })]));
    expect(futures.some((f) => f.underlying === 'RELIND' || f.underlying === 'CNXBAN')).toBe(false);

    const bars = await market.dailyBars({ symbol: 'RELIANCE', from: addDays(DAY, -10), to: DAY });
    expect(bars.at(-1)).toMatchObject({ date: DAY, close: 1300 + 29 * 4 });

    const oi = await market.optionsOpenInterest({ underlying: 'NIFTY', date: DAY });
    expect(oi.available).toBe(true);
    if (oi.available) {
      expect(oi.source).toBe('REAL');
      const pcr = oi.value.puts.reduce((s, p) => s + p.oi, 0) / oi.value.calls.reduce((s, c) => s + c.oi, 0);
      expect(pcr).toBeCloseTo(240_000 / 300_000, 6);
    }

    const sector = await market.sectorPerformance({ index: 'NIFTY BANK', date: DAY });
    expect(sector).toMatchObject({ available: true });
    if (sector.available) expect(sector.value.perf21d).toBeCloseTo(((50_000 + 2_900) / (50_000 + 800) - 1) * 100, 6);
    const missing = await market.sectorPerformance({ index: 'NIFTY IT', date: DAY });
    expect(missing.available).toBe(false);

    expect(h.server.calls.filter((c) => c.checksum === 'INVALID')).toEqual([]);
  });

  it('runs the whole screen on Breeze data: only stocks with Breeze history enter the universe (no invented liquidity); each member is screened or dropped with a reason', async () => {
    const calendar = createDefaultNseCalendar();
    h.server.market.setCandles({ exchange: 'NSE', stockCode: 'RELIND', interval: '1day' }, dailyCandles(DAY, 60, (i) => 1300 + i * 4, 9_000_000));
    const market = await iciciFuturesMarket(h.live, h.account.id, calendar, h.clock);
    const result = await screenFutures({ market, calendar, config: resolveIciciFuturesConfig({}), date: addDays(DAY, 1), lastSession: DAY });
    expect(result.lastSession).toBe(DAY);
    expect(result.universe.map((m) => m.underlying).filter((u) => u !== 'NIFTY' && u !== 'BANKNIFTY')).toEqual(['RELIANCE']);
    for (const d of result.dropped) expect(d.reason).toMatch(/./);
    for (const c of result.candidates) expect(c.underlying).not.toMatch(/^(RELIND|CNXBAN)$/);
    const relianceOutcome = [...result.candidates, ...result.dropped].find((c) => c.underlying === 'RELIANCE');
    expect(relianceOutcome).toBeDefined();
  });
});
