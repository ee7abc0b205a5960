import { BREEZE_TRADE_DAY } from '@mcube/brokers-icici-breeze/testing';
import { createDefaultNseCalendar } from '@mcube/domain';
import { createLlmValidator, Fts5KnowledgeStore } from '@mcube/llm';
import { MarketSimulator } from '@mcube/market-sim';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { AccountMarginService } from '../../src/modules/orders/account-margin.service';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { LiveMarketData } from '../../src/modules/orders/live/live-market-data.service';
import { ApprovalEvents } from '../../src/modules/strategies/approvals/approval-events';
import { ApprovalsService } from '../../src/modules/strategies/approvals/approvals.service';
import { ONE_PROCESS_APPROVALS } from '../../src/modules/strategies/approvals/approval-command-route';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { IciciFuturesRunner } from '../../src/modules/strategies/icici/icici-futures.runner';
import { IciciJobHandlers } from '../../src/modules/strategies/icici/icici-job-handlers';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { dailyCandles } from './breeze-candles';
import { approved, EXPIRY, futures } from './icici-live-intents';
import { startIciciLive, type IciciLiveHarness } from './icici-live-harness';

const DAY = BREEZE_TRADE_DAY;

/**
 * Issue 15: the scheduled ICICI futures strategy on a LIVE ICICI account reads Breeze (the local
 * server's recorded-shape chains and historical bars), not the configured source (a seeded
 * simulator here, whose universe is every simulated F&O stock). The jobs are the API's own
 * handlers (`strategy.icici.screen`, `strategy.icici.exit-check`) run from the registry.
 */
describe('the ICICI futures jobs of a LIVE ICICI account on Breeze market data (local Breeze server)', () => {
  let h: IciciLiveHarness;
  let sim: MarketSimulator;

  beforeEach(async () => {
    h = await startIciciLive({ time: '09:20:00' });
    const calendar = createDefaultNseCalendar();
    sim = new MarketSimulator({ seed: 7, startDate: DAY, calendar, tickIntervalMs: 5 * 60_000, warmupTradingDays: 65 }, h.clock);
    const seed = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'ICICI')!;
    await h.dataSource.getRepository(StrategyConfig).save({ accountId: h.account.id, strategyType: 'LLM_VALIDATED_FUTURES', isActive: true, parameters: seed.parameters });
    const bus = new AppEventsBus();
    const events = new ApprovalEvents();
    const runner = new IciciFuturesRunner(
      h.dataSource,
      sim,
      h.clock,
      calendar,
      createLlmValidator({ mode: 'rules' }),
      new Fts5KnowledgeStore(':memory:'),
      h.orders,
      new CancelOrderService(h.dataSource, h.clock, h.registry),
      new AccountMarginService(h.registry),
      h.alerts,
      bus,
      events,
      {},
      new LiveMarketData(h.registry, h.kotak, h.live),
    );
    registerJobHandlersOf(h.handlers, new IciciJobHandlers(runner, new ApprovalsService(h.dataSource, h.clock, new AuditService(h.dataSource.getRepository(AuditLogEntity)), runner, events, ONE_PROCESS_APPROVALS)));
  });
  afterEach(async () => h.close());

  const journal = () => h.dataSource.getRepository(DecisionJournalEntry).find({ where: { accountId: h.account.id }, order: { id: 'ASC' } });
  const run = (job: 'strategy.icici.screen' | 'strategy.icici.exit-check', time: string) => h.handlers.handlerFor(job)({ slot: `${DAY}T${time}` } as never, {} as never);
  type Screen = { screen: { universe: { underlying: string; averageTradedValueRupees: number | null }[]; dropped: { underlying: string; openInterest: { optionsSource: string } }[] } };

  /** Breeze's daily history: RELIANCE (as RELIND) and the BANKNIFTY index (CNXBAN); nothing else. */
  function breezeHistory(): void {
    h.server.market.setCandles({ exchange: 'NSE', stockCode: 'RELIND', interval: '1day' }, dailyCandles(DAY, 60, (i) => 1300 + i * 4, 9_000_000));
    h.server.market.setCandles({ exchange: 'NSE', stockCode: 'CNXBAN', interval: '1day' }, dailyCandles(DAY, 60, (i) => 50_000 + 100 * i));
  }

  it('strategy.icici.screen at 09:30 screens Breeze\'s universe with Breeze\'s bars and option chain; every call signed and verified', async () => {
    await h.goLive();
    breezeHistory();
    h.at(DAY, '09:30:00');
    await run('strategy.icici.screen', '09:30:00');

    const [row] = await journal();
    expect([row.kind, row.decision]).toEqual(['SKIP', 'SKIPPED']);
    const { screen } = row.inputs['evaluation'] as Screen;
    // Only what Breeze has history of enters the universe; RELIANCE's liquidity is Breeze's candles' (20 sessions to 2026-08-19: closes 1,456 … 1,532, 9,000,000 shares a day).
    expect(screen.universe.map((m) => m.underlying)).toEqual(['NIFTY', 'BANKNIFTY', 'RELIANCE']);
    expect(screen.universe.find((m) => m.underlying === 'RELIANCE')?.averageTradedValueRupees).toBe(((1456 + 1532) / 2) * 9_000_000);
    // NIFTY's PCR from Breeze's recorded-shape chain (a REAL source); the simulator was not asked.
    expect(screen.dropped.find((d) => d.underlying === 'NIFTY')?.openInterest.optionsSource).toBe('REAL');
    expect(h.server.callsTo('historicalcharts').length).toBeGreaterThan(0);
    expect(h.server.callsTo('optionchain').length).toBeGreaterThan(0);
    expect(h.server.calls.filter((c) => c.checksum === 'INVALID')).toEqual([]);
  });

  it('on PAPER the same job screens the configured source (the simulator\'s F&O stocks) and asks ICICI nothing', async () => {
    breezeHistory();
    h.at(DAY, '09:30:00');
    await run('strategy.icici.screen', '09:30:00');
    const [row] = await journal();
    const { screen } = row.inputs['evaluation'] as Screen;
    expect(screen.universe.filter((m) => m.underlying !== 'NIFTY' && m.underlying !== 'BANKNIFTY').length).toBeGreaterThan(1);
    expect(h.server.callsTo('historicalcharts')).toEqual([]);
    expect(h.server.callsTo('optionchain')).toEqual([]);
  });

  it('strategy.icici.exit-check marks the ACTIVE future at Breeze\'s quote: a stop only Breeze\'s price crosses sends the SELL exit to ICICI', async () => {
    await h.goLive();
    const entry = await h.orders.submit(await approved(h, futures(h.account.id)));
    const [entryRow] = await h.dataSource.getRepository(Order).findBy({ id: entry.orderIds[0] });
    h.server.book.fill(entryRow.clientOrderId, { price: 24_600 });
    await h.settle.settleAccount(h.account.id);
    const [filled] = await h.dataSource.getRepository(Order).findBy({ id: entry.orderIds[0] });
    expect(filled.status).toBe('FILLED');
    // The stop sits 300 points under both the fill and the simulator's price of the future; only Breeze's quote is under it.
    const simPrice = (await sim.futuresQuote({ underlying: 'NIFTY', expiry: EXPIRY })).lastPrice;
    const stop = Math.round(Math.min(simPrice, 24_600) - 300);
    await h.dataSource.getRepository(Position).update({ id: filled.positionId! }, { strategyType: 'LLM_VALIDATED_FUTURES', stopLossPricePaise: stop * 100, targetPricePaise: Math.round(Math.max(simPrice, 24_600) + 1_000) * 100 });
    h.server.market.setFuturesQuote('NIFTY', EXPIRY, { ltp: stop - 20, bid: stop - 21, ask: stop - 19, spot: stop - 60, openInterest: 10_000_000 });
    const posts = h.server.callsTo('order', 'POST').length;

    h.at(DAY, '10:05:00');
    await run('strategy.icici.exit-check', '10:05:00');
    const exits = h.server.callsTo('order', 'POST').slice(posts);
    expect(exits).toHaveLength(1);
    expect(exits[0].body).toMatchObject({ stock_code: 'NIFTY', action: 'sell', order_type: 'limit', quantity: '65' });
    expect(exits[0].checksum).toBe('VALID');
  });
});
