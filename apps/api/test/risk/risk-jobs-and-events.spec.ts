import type { WsMessage } from '@mcube/contracts';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { registerJobHandlersOf } from '../../src/jobs/job-handlers.discovery';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { DailyPnl } from '../../src/modules/analytics/entities/daily-pnl.entity';
import { AuditService } from '../../src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { inTransaction } from '../../src/database/in-transaction';
import { OrderUpdatesPublisher } from '../../src/modules/orders/events/order-updates.publisher';
import { applyOrderEventToRow } from '../../src/modules/orders/order-journal';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { TradingStateService } from '../../src/modules/risk/context/trading-state.service';
import { RiskStatePublisher } from '../../src/modules/risk/events/risk-state.publisher';
import { KillSwitchService } from '../../src/modules/risk/kill-switch/kill-switch.service';
import { LossLimitWatchService } from '../../src/modules/risk/limits/loss-limit-watch.service';
import { QuoteBoard } from '../orders/quote-board.fake';
import { enterStrangle, GatewayHarness, startGateway, strangleLeg } from '../orders/gateway-harness';
import { simQuotes } from '../orders/sim-contract-quotes';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

/** 2026-03-10, the harness's session day. */
const TODAY = '2026-03-10';
/** The default Kotak daily loss limit: ₹2 L. */
const DAILY_LIMIT = 2_00_000_00;

describe('risk jobs and live events', () => {
  let g: GatewayHarness;
  let bus: AppEventsBus;
  let messages: WsMessage[];
  let gate: ReconciliationGate;
  let riskState: RiskStatePublisher;
  let jobs: JobHandlersRegistry;

  beforeEach(async () => {
    g = await startGateway();
    bus = new AppEventsBus();
    messages = [];
    bus.subscribe((m) => messages.push(m));
    gate = new ReconciliationGate();
    gate.markReconciled(g.account.id);
    riskState = new RiskStatePublisher(g.dataSource, bus, gate, g.clock, new TradingStateService(g.dataSource, gate));
    riskState.onModuleInit();
    jobs = new JobHandlersRegistry();
  });
  afterEach(async () => {
    riskState.onModuleDestroy();
    await g.close();
  });

  const events = <E extends WsMessage['event']>(name: E) => messages.filter((m) => m.event === name).map((m) => m.data as Extract<WsMessage, { event: E }>['data']);
  const lossToday = (netPnlPaise: number) =>
    g.dataSource.getRepository(DailyPnl).save({ accountId: g.account.id, tradeDate: TODAY, netPnlPaise, realizedPnlPaise: netPnlPaise, equityPaise: g.account.allocatedCapitalPaise + netPnlPaise, peakEquityPaise: g.account.allocatedCapitalPaise });
  const runJob = (name: 'risk.limits' | 'risk.circuit-breakers') => jobs.handlerFor(name)({ slot: `${TODAY}T10:00:00` }, { name, jobId: `${name}@x`, attempt: 1 });

  describe('risk.limits', () => {
    let watch: LossLimitWatchService;
    beforeEach(() => {
      watch = new LossLimitWatchService(g.dataSource, g.clock, new AlertsService(g.dataSource, bus), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource));
      registerJobHandlersOf(jobs, watch);
    });
    const warnings = () => g.dataSource.getRepository(Alert).find({ where: { severity: 'WARNING' } });

    it('is quiet below 80% of the daily loss limit', async () => {
      await lossToday(-(DAILY_LIMIT * 0.8 - 100));
      await runJob('risk.limits');
      expect(await warnings()).toHaveLength(0);
    });

    it('raises one WARNING per day per limit at 80% (pushed as alert.raised), and the weekly limit once it is set', async () => {
      await lossToday(-DAILY_LIMIT * 0.8);
      await runJob('risk.limits');
      await runJob('risk.limits');
      const [daily] = await warnings();
      expect(await warnings()).toHaveLength(1);
      expect(daily).toMatchObject({ accountId: g.account.id, category: 'RISK', dedupKey: `loss-limit:${g.account.id}:DAILY:${TODAY}`, title: expect.stringContaining('Daily loss at 80%') });
      expect(events('alert.raised')).toHaveLength(1);

      await g.dataSource.getRepository(RiskLimit).save({ accountId: g.account.id, maxMarginUsagePct: 0.4, firstTradeFraction: 0.5, dailyLossLimitPaise: DAILY_LIMIT, weeklyLossLimitPaise: 1_50_000_00, weeklyProfitTargetPaise: 1, monthlyProfitTargetPaise: 1, maxDrawdownPct: 0.15, perPositionStopPaise: null, perTradeRiskPaise: null, maxLeverage: null, maxTotalExposurePaise: null, maxPositionExposurePaise: null });
      const found = await watch.checkAll();
      expect(found.map((w) => [w.limit, w.raised])).toEqual([
        ['DAILY', false],
        ['WEEKLY', true],
      ]);
      expect(await warnings()).toHaveLength(2);
    });
  });

  describe('risk.circuit-breakers and risk.state', () => {
    it('the job evaluates every active account; a trip deactivates it and publishes risk.state after commit', async () => {
      const breaker = new CircuitBreakerTripService(g.dataSource, g.clock, new ManualExitService(g.dataSource, g.orders, simQuotes(new QuoteBoard()), g.clock), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), new AlertsService(g.dataSource, bus), riskState);
      registerJobHandlersOf(jobs, breaker);
      await runJob('risk.circuit-breakers');
      expect(await g.dataSource.getRepository(CircuitBreaker).count()).toBe(0);
      expect(events('risk.state')).toHaveLength(0);

      await lossToday(-(DAILY_LIMIT + 1));
      await runJob('risk.circuit-breakers');
      expect(await g.dataSource.getRepository(CircuitBreaker).count()).toBe(1);
      // The effective state with its causes (on main it claimed ACTIVE while the gateway refused new risk).
      expect(events('risk.state')).toEqual([
        {
          accountId: g.account.id,
          tradingState: 'REDUCING',
          tradingStateCauses: ['BREAKER_TRIPPED', 'ACCOUNT_INACTIVE'],
          killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null },
          isActive: false,
          breakerTripped: true,
          reason: expect.stringMatching(/^DAILY_LOSS_LIMIT_BREACHED/),
          atMs: g.clock.nowMs(),
        },
      ]);
      // Deactivated: the next run leaves it alone.
      expect(await breaker.evaluateAll()).toEqual([]);
    });

    it('publishes risk.state after the kill switch, a breaker reset and the reconciliation gate opening and closing', async () => {
      const killSwitch = new KillSwitchService(g.dataSource, new AuditService(g.dataSource.getRepository(AuditLogEntity)), g.clock, new TradingStateService(g.dataSource, gate), riskState);
      await killSwitch.set('HALTED', 'test halt', g.account.id);
      expect(events('risk.state').at(-1)).toMatchObject({ accountId: g.account.id, tradingState: 'HALTED', tradingStateCauses: ['KILL_SWITCH_HALTED'], killSwitch: { state: 'HALTED', setByRole: 'system', setBy: 'system' }, isActive: true, breakerTripped: false, reason: 'kill switch: HALTED (test halt)' });

      const trip = await g.dataSource.getRepository(CircuitBreaker).save({ accountId: g.account.id, scope: 'ACCOUNT', reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', reason: 'test', context: null, trippedAt: new Date(g.clock.nowMs()), resetBy: null, resetAt: null, resetNote: null });
      await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { isActive: false });
      await killSwitch.resetBreaker(trip.id, 'loss reviewed');
      expect(events('risk.state').at(-1)).toMatchObject({ tradingState: 'HALTED', isActive: true, breakerTripped: false, reason: `circuit breaker ${trip.id} reset: loss reviewed` });

      await killSwitch.set('ACTIVE', 'resume', g.account.id);
      gate.markUnreconciled(g.account.id);
      gate.markUnreconciled(g.account.id);
      gate.markReconciled(g.account.id);
      // Gate events are published from a listener: wait until both have arrived.
      await until(() => events('risk.state').length >= 5);
      expect(events('risk.state').slice(-2).map((e) => [e.tradingState, e.tradingStateCauses, e.reason])).toEqual([
        ['REDUCING', ['RECONCILIATION_MISMATCH'], 'reconciliation found a mismatch'],
        ['ACTIVE', [], 'reconciled with the broker'],
      ]);
      // A kill switch that fails (unknown account) publishes nothing.
      const before = messages.length;
      await expect(killSwitch.set('HALTED', 'nobody', 999_999)).rejects.toThrow(/not found/);
      expect(messages).toHaveLength(before);
    });
  });

  describe('order.updated', () => {
    let publisher: OrderUpdatesPublisher;
    beforeEach(() => {
      publisher = new OrderUpdatesPublisher(g.dataSource, bus);
      publisher.onModuleInit();
    });
    afterEach(() => publisher.onModuleDestroy());

    it('follows every committed journal event: submit, fill, denial', async () => {
      const entry = await enterStrangle(g.orders, g.account.id);
      await g.fills.apply('PAPER', g.broker.fill(entry.intentId, 650, 120.5));
      const ofCall = () => events('order.updated').filter((e) => e.orderId === entry.orderIds[0]);
      // Both legs are journaled before either is sent.
      expect(events('order.updated').slice(0, 2).map((e) => [e.orderId, e.status])).toEqual([
        [entry.orderIds[0], 'INITIALIZED'],
        [entry.put.orderIds[0], 'INITIALIZED'],
      ]);
      expect(ofCall().map((e) => [e.orderId, e.status, e.filledQuantity, e.averagePrice])).toEqual([
        [entry.orderIds[0], 'INITIALIZED', 0, null],
        [entry.orderIds[0], 'SUBMITTED', 0, null],
        [entry.orderIds[0], 'ACCEPTED', 0, null],
        [entry.orderIds[0], 'FILLED', 650, 120.5],
      ]);
      expect(ofCall()[0]).toMatchObject({ clientOrderId: entry.intentId, accountId: g.account.id, side: 'SELL', purpose: 'ENTRY', quantity: 650, reason: null });

      await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState: 'HALTED' });
      const denied = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', side: 'BUY' }));
      expect(events('order.updated').slice(-2).map((e) => [e.orderId, e.status, e.reason])).toEqual([
        [denied.orderIds[0], 'INITIALIZED', null],
        [denied.orderIds[0], 'DENIED', 'TRADING_HALTED'],
      ]);
    });

    it('publishes nothing for a transaction that rolls back', async () => {
      const entry = await enterStrangle(g.orders, g.account.id);
      const before = events('order.updated').length;
      await expect(
        inTransaction(g.dataSource, async (m) => {
          await applyOrderEventToRow(m, entry.orderIds[0], { type: 'CANCEL_REQUESTED', occurredAtMs: g.clock.nowMs(), recordedAtMs: g.clock.nowMs() });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(events('order.updated')).toHaveLength(before);
    });
  });
});

/** Resolves once `done()` holds, checking after each turn of the event loop (no timer). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error('condition never held');
}
