import { roundToTick, type MarketDataPort, type OptionChainSnapshot } from '@mcube/domain';
import { buildReport } from '../report/build-report';
import { SEED_KOTAK_RISK_LIMITS } from './engine-params';
import { kotakStrangleFactory } from '../strategy/kotak-strangle.adapter';
import type { StrategyFactory } from '../strategy/strategy-host';
import { runOnSharedData } from '../testing/shared-history';

/** The market the strategy sees, with every put quoted 20% richer than the paper broker's touch: its put sell limits never fill. */
function richPuts(market: MarketDataPort): MarketDataPort {
  const up = (v: number | undefined) => (v === undefined ? v : roundToTick(v * 1.2, 'UP'));
  return {
    quote: (s) => market.quote(s),
    futuresQuote: (r) => market.futuresQuote(r),
    optionChain: async (r): Promise<OptionChainSnapshot> => {
      const chain = await market.optionChain(r);
      return { ...chain, strikes: chain.strikes.map((row) => ({ strike: row.strike, call: row.call, put: row.put && { ...row.put, bid: up(row.put.bid), ask: up(row.put.ask), lastPrice: up(row.put.lastPrice) as number } })) };
    },
    historyBars: (r) => market.historyBars(r),
    vix: () => market.vix(),
    globalCues: () => market.globalCues(),
    sectorPerformance: (d) => market.sectorPerformance(d),
    liquidFnoStocks: (r) => market.liquidFnoStocks(r),
    economicEvents: (r) => market.economicEvents(r),
    instruments: (d) => market.instruments(d),
  };
}

describe('the strangle in the engine: both legs, one lagging', () => {
  it('unwinds the filled call when the put never fills: no naked leg is left', async () => {
    const lagging: StrategyFactory = (host) => kotakStrangleFactory().factory({ ...host, market: richPuts(host.market) });
    const run = await runOnSharedData({ from: '2024-07-01', to: '2024-07-02', factory: lagging });
    const report = buildReport(run);
    const first = report.decisions.filter((d) => d.date === '2024-07-01').map((d) => `${d.time} ${d.decision} ${d.reasonCode}`);
    // The put works past the 60-second fill timeout; the next tick cancels it and buys the call back.
    expect(first.slice(0, 4)).toEqual(['10:00 ENTER ALL_CHECKS_PASSED', '10:15 ENTRY_ABORTED LEG_FILL_TIMEOUT', '10:15 UNWIND_ORDER_SUBMITTED LEG_FILL_TIMEOUT', '10:15 UNWIND_COMPLETE LEG_FILL_TIMEOUT']);
    expect(first.slice(4).some((d) => d.includes('HOLD'))).toBe(false);
    const trade = report.trades[0];
    expect(trade.exitReason).toBe('ENTRY_ABORTED:LEG_FILL_TIMEOUT');
    expect(trade.legs.map((l) => [l.instrument, l.fills.map((f) => f.side)])).toEqual([['NIFTY-2024-07-04-24500-CE', ['SELL', 'SELL', 'BUY', 'BUY']]]);
    expect(run.book.active()).toBeNull();
    expect(run.book.all().every((p) => p.status === 'CLOSED' && p.legs.every((l) => l.quantity === 0))).toBe(true);
  }, 120_000);
});

describe('the circuit breaker in the engine', () => {
  it('trips on a daily loss beyond the limit, closes the position through the gateway and is re-activated next day', async () => {
    // ₹300: both legs pass (the first leg's ₹22 of charges is today's only loss when the second
    // is checked), then the 10:00 marks (entry at the bid, mark at the mid) lose ~₹620.
    const run = await runOnSharedData({ from: '2024-07-01', to: '2024-07-03', engine: { riskLimits: { ...SEED_KOTAK_RISK_LIMITS, dailyLossLimitPaise: 30_000 } } });
    const report = buildReport(run);
    expect(run.breakers.slice(0, 2).map((b) => [b.date, b.time, b.kind, b.reasonCode])).toEqual([
      ['2024-07-01', '10:00', 'TRIP', 'DAILY_LOSS_LIMIT_BREACHED'],
      ['2024-07-02', '09:15', 'RESET', undefined],
    ]);
    expect(report.trades[0]).toMatchObject({ entryAt: '2024-07-01T10:00', exitAt: '2024-07-01T10:00', exitReason: 'CIRCUIT_BREAKER:DAILY_LOSS_LIMIT_BREACHED' });
    // Bought back at the ask: the round trip costs the spread and the charges.
    expect(report.trades[0].netPnlPaise).toBeLessThan(0);
    expect(run.book.active()).toBeNull();
  }, 120_000);
});
