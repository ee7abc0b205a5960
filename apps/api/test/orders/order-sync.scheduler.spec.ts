import { createDefaultNseCalendar } from '@mcube/domain';
import type { Clock, MarketDataPort } from '@mcube/domain';
import { PaperExecutionClient } from '@mcube/brokers-paper';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { PaperBookRow } from '../../src/modules/orders/entities/paper-book-row.entity';
import { buildGateway } from './gateway-factory';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import { OrderSyncScheduler } from '../../src/modules/orders/paper/order-sync.scheduler';
import { ReconciliationService } from '../../src/modules/orders/reconciliation.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { enterStrangle, strangleLeg } from './gateway-harness';
import { PaperGatewayHarness, quoteSymbol, startPaperGateway } from './paper-gateway-harness';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { PositionLedgerService } from '../../src/modules/positions/position-ledger.service';

describe('the order sync scheduler', () => {
  let g: PaperGatewayHarness;

  beforeEach(async () => {
    g = await startPaperGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('matches paper orders against the market and settles the journal on each tick', async () => {
    const registry = new ExecutionClientRegistry();
    registry.register(g.account.id, g.paper);
    const reconciliation = new ReconciliationService(g.dataSource, g.clock, registry, new ReconciliationGate(), g.fills, g.settle, new AlertsService(g.dataSource, new AppEventsBus()), new PositionLedgerService());
    const scheduler = new OrderSyncScheduler(g.dataSource, g.market as MarketDataPort, g.clock as Clock, registry, reconciliation, g.settle, g.fills);
    const r = await enterStrangle(g.orders, g.account.id);
    await scheduler.tick();
    expect((await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] })).status).toBe('ACCEPTED');
    g.market.set(quoteSymbol(strangleLeg(1).instrument), { lastPrice: 121, bid: 121, ask: 121.5 });
    await scheduler.tick();
    expect(await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] })).toMatchObject({ status: 'FILLED', filledQuantity: 650 });
  });

  it('at start-up connects each paper account to a paper broker with its book in the database, reconciles it, and applies pushed fills at once', async () => {
    const registry = new ExecutionClientRegistry();
    const gate = new ReconciliationGate();
    const reconciliation = new ReconciliationService(g.dataSource, g.clock, registry, gate, g.fills, g.settle, new AlertsService(g.dataSource, new AppEventsBus()), new PositionLedgerService());
    const scheduler = new OrderSyncScheduler(g.dataSource, g.market as MarketDataPort, g.clock as Clock, registry, reconciliation, g.settle, g.fills);
    await scheduler.onApplicationBootstrap();
    try {
      const paper = registry.get(g.account.id);
      expect(paper).toBeInstanceOf(PaperExecutionClient);
      expect(gate.isReconciled(g.account.id)).toBe(true);
      const orders = buildGateway({ dataSource: g.dataSource, clock: g.clock, sleep: async (ms) => g.clock.advance(ms), registry, riskContext: new RiskContextService(g.dataSource, g.clock, createDefaultNseCalendar(), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), gate), market: g.market });
      const r = await enterStrangle(orders, g.account.id);
      expect(r.statuses).toEqual(['ACCEPTED']);
      g.market.set(quoteSymbol(strangleLeg(1).instrument), { lastPrice: 121, bid: 121, ask: 121.5 });
      await (paper as PaperExecutionClient).matchNow();
      // The pushed fill is applied off the call (a transaction of its own, slower on PostgreSQL): wait for it, up to 5 s.
      const filled = async () => g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
      for (const deadline = Date.now() + 5000; (await filled()).status !== 'FILLED' && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await filled()).toMatchObject({ status: 'FILLED', filledQuantity: 650 });
      expect(await g.dataSource.getRepository(PaperBookRow).count({ where: { accountId: g.account.id, kind: 'TRADE' } })).toBe(1);
    } finally {
      scheduler.onModuleDestroy();
    }
  });
});
