import { BrokerError, epochMsOfIst, FixedClock } from '@mcube/domain';
import { sharedHistory } from '../testing/shared-history';
import { BacktestMarket } from './backtest-market';
import { MarketState } from './market-state';
import { OPTION_PRICING_DEFAULTS } from './option-pricer';

/** A market at IST `date` `time` with the state the engine would have written by then. */
function marketAt(date: string, time: string, state: Partial<MarketState>) {
  const { history, calendar } = sharedHistory();
  const s = Object.assign(new MarketState(), { date, nowMs: epochMsOfIst(date, time), dayIndex: history.niftyDaily.indexOf(date), ...state });
  const clock = new FixedClock(s.nowMs);
  return { market: new BacktestMarket(history, s, calendar, clock, { pricing: OPTION_PRICING_DEFAULTS, strikesEachSide: 40 }), state: s, clock, history };
}

describe('BacktestMarket (what a strategy can see at an instant)', () => {
  it('quotes NIFTY and VIX from the engine state and refuses before any level is known', async () => {
    const { market } = marketAt('2024-07-01', '10:00', { nifty: 24080.15, vix: 14.19, niftyPrevClose: 24010.6 });
    await expect(market.quote('NIFTY 50')).resolves.toMatchObject({ lastPrice: 24080.15, previousClose: 24010.6 });
    await expect(market.vix()).resolves.toMatchObject({ value: 14.19 });
    const empty = marketAt('2024-07-01', '09:00', {}).market;
    await expect(empty.quote('NIFTY 50')).rejects.toBeInstanceOf(BrokerError);
  });

  it("never returns today's daily bar before the close, and does after it", async () => {
    const during = marketAt('2024-07-01', '10:00', { nifty: 1, vix: 1 }).market;
    const bars = await during.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2024-06-20', to: '2024-07-05' });
    expect(bars[bars.length - 1].date).toBe('2024-06-28');
    const after = marketAt('2024-07-01', '15:30', { nifty: 1, vix: 1, dayClosed: true }).market;
    const closed = await after.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2024-06-20', to: '2024-07-05' });
    expect(closed[closed.length - 1].date).toBe('2024-07-01');
  });

  it('returns only the 15-minute bars that have ended', async () => {
    const { market } = marketAt('2024-07-01', '10:00', { nifty: 1, vix: 1 });
    const bars = await market.historyBars({ symbol: 'NIFTY 50', interval: '15m', from: '2024-07-01', to: '2024-07-01' });
    expect(bars.map((b) => b.time)).toEqual(['09:15:00', '09:30:00', '09:45:00']);
  });

  it('feeds the GIFT Nifty filter the opening gap once the session has opened, and nothing before', async () => {
    const open = marketAt('2024-07-01', '10:00', { nifty: 24080, vix: 14, niftyOpen: 24100, niftyPrevClose: 24000 }).market;
    await expect(open.globalCues()).resolves.toMatchObject({ giftNiftyChangePct: 0.42 });
    const before = marketAt('2024-07-01', '09:00', { nifty: 24000, vix: 14, niftyPrevClose: 24000 }).market;
    expect((await before.globalCues()).giftNiftyChangePct).toBeUndefined();
  });

  it('reads US moves from the last US close before the IST date, and stands the S&P 500 in for the missing Dow', async () => {
    const y2021 = marketAt('2021-03-02', '10:00', { nifty: 1, vix: 1 }).market;
    const names = (await y2021.globalCues()).indices.map((i) => i.name);
    expect(names).toEqual(['NASDAQ', 'DOW JONES (S&P 500 PROXY)', 'S&P 500']);
    const y2025 = marketAt('2025-03-04', '10:00', { nifty: 1, vix: 1 }).market;
    expect((await y2025.globalCues()).indices.map((i) => i.name)).toEqual(['NASDAQ', 'DOW JONES', 'S&P 500']);
  });

  it('prices options MODELLED in the session with a touch around the model price', async () => {
    const { market } = marketAt('2024-07-01', '10:00', { nifty: 24080.15, vix: 14.19, niftyPrevClose: 24010.6 });
    const chain = await market.optionChain({ underlying: 'NIFTY', expiry: '2024-07-04' });
    const row = chain.strikes.find((r) => r.strike === 24500);
    expect(row?.call).toMatchObject({ lastPrice: 16.1, bid: 16, ask: 16.2, source: 'MODELLED' });
    await expect(market.quote('NIFTY-2024-07-04-23700-PE')).resolves.toMatchObject({ lastPrice: 24.8, bid: 24.65, ask: 24.95 });
    expect(market.sourceOf('NIFTY-2024-07-04-23700-PE')).toBe('MODELLED');
    await expect(market.quote({ underlying: 'NIFTY', kind: 'OPT', expiry: '2024-07-04', strike: 23700, optionType: 'PE' })).resolves.toMatchObject({ symbol: 'NIFTY-2024-07-04-23700-PE', lastPrice: 24.8 });
  });

  it('uses a REAL end-of-day record from that day’s close on, never inside the session', async () => {
    // NSE contract-wise EOD rows exist for the 2019-03-28 monthly expiry on 2019-03-15.
    const { history } = sharedHistory();
    const real = history.optionRows.get('2019-03-15')?.find((r) => r.expiry === '2019-03-28' && r.strike === 11500 && r.type === 'CE' && r.price !== null);
    expect(real).toBeDefined();
    const state = { nifty: 11426.85, vix: 15.4, niftyPrevClose: 11343.25 };
    const inSession = marketAt('2019-03-15', '15:15', state).market;
    expect((await inSession.optionChain({ underlying: 'NIFTY', expiry: '2019-03-28' })).strikes.find((r) => r.strike === 11500)?.call?.source).toBe('MODELLED');
    const afterClose = marketAt('2019-03-15', '15:30', { ...state, dayClosed: true }).market;
    const side = (await afterClose.optionChain({ underlying: 'NIFTY', expiry: '2019-03-28' })).strikes.find((r) => r.strike === 11500)?.call;
    expect(side).toMatchObject({ source: 'REAL', lastPrice: real?.price });
  });

  it('keeps a strike listed after the index moved away from it', async () => {
    const first = marketAt('2024-07-01', '10:00', { nifty: 24000, vix: 14, niftyPrevClose: 24000 });
    await first.market.optionChain({ underlying: 'NIFTY', expiry: '2024-07-25' });
    first.state.niftyPrevClose = 30000;
    first.state.nifty = 30000;
    first.clock.set(first.clock.nowMs() + 60_000);
    const later = await first.market.optionChain({ underlying: 'NIFTY', expiry: '2024-07-25' });
    expect(later.strikes.some((r) => r.strike === 22000)).toBe(true);
    expect(later.strikes.some((r) => r.strike === 32000)).toBe(true);
  });

  it('refuses an expiry not listed that day and the instrument master of a later day', async () => {
    const { market } = marketAt('2024-07-01', '10:00', { nifty: 24000, vix: 14 });
    await expect(market.optionChain({ underlying: 'NIFTY', expiry: '2024-07-05' })).rejects.toThrow(/no NIFTY option expiry 2024-07-05/);
    await expect(market.instruments('2024-07-02')).rejects.toThrow(/not known on 2024-07-01/);
    expect((await market.instruments('2024-07-01')).find((r) => r.kind === 'OPT' && r.expiry === '2024-07-04')?.lotSize).toBe(25);
  });
});
