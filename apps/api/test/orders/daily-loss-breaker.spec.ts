import { createDefaultNseCalendar } from '@mcube/domain';
import { AlertsService } from '../../src/modules/alerts/alerts.service';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { CircuitBreakerTripService } from '../../src/modules/risk/breaker/circuit-breaker-trip.service';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ManualExitService } from '../../src/modules/positions/manual-exit.service';
import { MonitorLog } from '../../src/modules/positions/entities/monitor-log.entity';
import { PositionMonitorService } from '../../src/modules/positions/position-monitor.service';
import { QuoteBoard } from './quote-board.fake';
import { CircuitBreaker } from '../../src/modules/risk/entities/circuit-breaker.entity';
import { enterStrangle, GatewayHarness, startGateway } from './gateway-harness';
import { simQuotes } from './sim-contract-quotes';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

describe('a daily-loss breach in a simulated session (done-when 8)', () => {
  let g: GatewayHarness;
  let breaker: CircuitBreakerTripService;

  beforeEach(async () => {
    g = await startGateway();
    breaker = new CircuitBreakerTripService(g.dataSource, g.clock, new ManualExitService(g.dataSource, g.orders, simQuotes(new QuoteBoard()), g.clock), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), new AlertsService(g.dataSource, new AppEventsBus()));
  });
  afterEach(async () => {
    await g.close();
  });

  /** Marks every leg of the position: rupees per trading symbol suffix (CE/PE). */
  async function mark(positionId: number, ce: number, pe: number): Promise<void> {
    for (const leg of await g.dataSource.getRepository(PositionLeg).find({ where: { positionId } })) {
      await g.dataSource.getRepository(PositionLeg).update(leg.id, { lastPricePaise: Math.round((leg.instrumentType === 'CE' ? ce : pe) * 100) });
    }
  }

  it('trips once the loss passes ₹2 L: positions closed through the gateway, account deactivated, CRITICAL alert recorded', async () => {
    const call = await enterStrangle(g.orders, g.account.id);
    const positionId = call.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(call.intentId));
    await g.fills.apply('PAPER', g.broker.fill(call.put.intentId));

    // Loss of (350 − 120.5 + 120 − 95) × 650 = ₹1,65,425: within the ₹2 L daily limit.
    g.clock.advance(60 * 60_000);
    await mark(positionId, 350, 120);
    expect((await breaker.evaluate(g.account.id)).tripped).toBe(false);

    // Loss of (450 − 120.5 + 120 − 95) × 650 = ₹2,30,425: a breach.
    g.clock.advance(10 * 60_000);
    await mark(positionId, 450, 120);
    const result = await breaker.evaluate(g.account.id);
    expect(result).toMatchObject({ tripped: true, reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', todayPnlPaise: -2_30_425_00 });
    expect(result.exits.map((e) => e.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    const exitOrders = g.broker.orders.slice(2);
    expect(exitOrders.map((o) => [o.request.side, o.request.quantity])).toEqual([
      ['BUY', 650],
      ['BUY', 650],
    ]);
    for (const o of exitOrders) await g.fills.apply('PAPER', g.broker.fill(o.request.clientOrderId));

    expect(await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).toMatchObject({ status: 'CLOSED' });
    expect(await g.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: g.account.id })).toMatchObject({ isActive: false });
    expect(await g.dataSource.getRepository(CircuitBreaker).find({ where: { accountId: g.account.id } })).toEqual([expect.objectContaining({ reasonCode: 'DAILY_LOSS_LIMIT_BREACHED', resetAt: null })]);
    expect(await g.dataSource.getRepository(Alert).find({ where: { accountId: g.account.id } })).toEqual([expect.objectContaining({ severity: 'CRITICAL', category: 'RISK' })]);

    // Only an admin re-activates: a new entry is denied meanwhile.
    const entry = await enterStrangle(g.orders, g.account.id);
    expect(entry.denial?.code).toBe('ACCOUNT_INACTIVE');
  });

  it('is driven by the position monitor: marks from the market, MARK rows, and the trip once the marks breach', async () => {
    const market = new QuoteBoard();
    const monitor = new PositionMonitorService(g.dataSource, g.clock, simQuotes(market), breaker, createDefaultNseCalendar(), new AppEventsBus());
    const call = await enterStrangle(g.orders, g.account.id);
    const positionId = call.positionId as number;
    await g.fills.apply('PAPER', g.broker.fill(call.intentId));
    await g.fills.apply('PAPER', g.broker.fill(call.put.intentId));

    market.set('NIFTY-2026-03-17-23500-CE', { lastPrice: 200 }).set('NIFTY-2026-03-17-22500-PE', { lastPrice: 60 });
    const [calm] = await monitor.tick();
    expect(calm.tripped).toBe(false);
    const expected = (12050 - 20000) * 650 + (9500 - 6000) * 650;
    expect((await g.dataSource.getRepository(Position).findOneByOrFail({ id: positionId })).unrealizedPnlPaise).toBe(expected);
    expect(await g.dataSource.getRepository(MonitorLog).count({ where: { positionId, checkType: 'MARK' } })).toBe(1);

    g.clock.advance(5_000);
    market.set('NIFTY-2026-03-17-23500-CE', { lastPrice: 480 });
    const [breach] = await monitor.tick();
    expect(breach).toMatchObject({ tripped: true, reasonCode: 'DAILY_LOSS_LIMIT_BREACHED' });
    expect(g.broker.orders.slice(2).map((o) => o.request.side)).toEqual(['BUY', 'BUY']);
    // Within the minute: no second MARK row.
    expect(await g.dataSource.getRepository(MonitorLog).count({ where: { positionId, checkType: 'MARK' } })).toBe(1);
  });
});
