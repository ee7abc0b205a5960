import type { WsMessage } from '@mcube/contracts';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { TEST_DIALECTS } from '../db/test-database';
import { startGateway, type GatewayHarness } from '../orders/gateway-harness';
import { QuoteBoard } from '../orders/quote-board.fake';
import { markLegs, openStrangle } from '../analytics/strangle-trades';
import { simQuotes } from '../orders/sim-contract-quotes';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

describe.each(TEST_DIALECTS)('the breaker trip raises its alert through AlertsService (%s)', (dialect) => {
  let g: GatewayHarness;
  let bus: AppEventsBus;
  let breaker: CircuitBreakerTripService;
  const published: WsMessage[] = [];

  beforeEach(async () => {
    g = await startGateway(dialect);
    bus = new AppEventsBus();
    published.length = 0;
    breaker = new CircuitBreakerTripService(g.dataSource, g.clock, new ManualExitService(g.dataSource, g.orders, simQuotes(new QuoteBoard()), g.clock), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), new AlertsService(g.dataSource, bus));
  });
  afterEach(async () => {
    await g.close();
  });

  it('stores the CRITICAL alert with the trip and pushes the stored alert once', async () => {
    const positionId = await openStrangle(g, { ce: 120.5, pe: 95 });
    bus.subscribe((m) => published.push(m));
    g.clock.advance(60_000);
    await markLegs(g, positionId, { ce: 450, pe: 120 });
    expect((await breaker.evaluate(g.account.id)).tripped).toBe(true);
    const stored = await g.dataSource.getRepository(Alert).find({ where: { accountId: g.account.id } });
    expect(stored).toEqual([expect.objectContaining({ severity: 'CRITICAL', category: 'RISK', occurredAt: new Date(g.clock.nowMs()) })]);
    const events = published.filter((m) => m.event === 'alert.raised').map((m) => m.data);
    expect(events).toEqual([expect.objectContaining({ id: stored[0].id, accountId: g.account.id, severity: 'CRITICAL', title: `Circuit breaker tripped on account ${g.account.accountNumber}` })]);

    // Still breached a tick later: the open trip is not recorded or alerted again.
    g.clock.advance(5_000);
    expect((await breaker.evaluate(g.account.id)).tripped).toBe(true);
    expect(await g.dataSource.getRepository(Alert).count()).toBe(1);
    expect(published.filter((m) => m.event === 'alert.raised')).toHaveLength(1);
  });

  it('alerts again for a second trip the same day after an admin reset', async () => {
    bus.subscribe((m) => published.push(m));
    const positionId = await openStrangle(g, { ce: 120.5, pe: 95 });
    await markLegs(g, positionId, { ce: 450, pe: 120 });
    await breaker.evaluate(g.account.id);
    await g.dataSource.getRepository(CircuitBreaker).update({ accountId: g.account.id }, { resetAt: new Date(g.clock.nowMs()), resetBy: 'admin' });
    await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { isActive: true });
    g.clock.advance(60_000);
    expect((await breaker.evaluate(g.account.id)).tripped).toBe(true);
    expect(await g.dataSource.getRepository(Alert).count({ where: { accountId: g.account.id, severity: 'CRITICAL' } })).toBe(2);
    expect(published.filter((m) => m.event === 'alert.raised')).toHaveLength(2);
  });
});
