import { createDefaultNseCalendar } from '@mcube/domain';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { OrderEvent } from '../../src/modules/orders/entities/order-event.entity';
import type { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { buildGateway } from './gateway-factory';
import { GatewayHarness, enterStrangle, startGateway, strangleLeg } from './gateway-harness';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';

describe('the order gateway and the kill switch (done-when 6)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  const setState = (tradingState: BrokerAccount['tradingState']) => g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState });

  /** An ACTIVE strangle position with a filled call leg (the put still working); returns its id. */
  async function openPosition(): Promise<number> {
    const r = await enterStrangle(g.orders, g.account.id);
    await g.fills.apply('PAPER', g.broker.fill(r.intentId));
    return r.positionId as number;
  }

  it('journals, checks, sends with the clientOrderId as tag and stores the acknowledgement', async () => {
    const r = await enterStrangle(g.orders, g.account.id);
    expect(r.statuses).toEqual(['ACCEPTED']);
    expect(g.broker.orders.map((o) => o.request.clientOrderId)).toEqual([r.intentId, r.put.intentId]);
    const events = await g.dataSource.getRepository(OrderEvent).find({ where: { orderId: r.orderIds[0] }, order: { sequence: 'ASC' } });
    expect(events.map((e) => e.type)).toEqual(['INITIALIZED', 'SUBMITTED', 'ACCEPTED']);
    expect(r.positionId).not.toBeNull();
  });

  it('denies every new order while HALTED, stores the denial, and sends nothing', async () => {
    await setState('HALTED');
    const r = await enterStrangle(g.orders, g.account.id);
    expect(r.statuses).toEqual(['DENIED']);
    expect(r.put.statuses).toEqual(['DENIED']);
    expect(r.denial?.code).toBe('TRADING_HALTED');
    const row = await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
    expect(row.denialCode).toBe('TRADING_HALTED');
    expect(row.denialContext).toMatchObject({ tradingState: 'HALTED' });
    expect(g.broker.orders).toHaveLength(0);
  });

  it('denies an exit while HALTED too', async () => {
    const positionId = await openPosition();
    await setState('HALTED');
    const r = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId }));
    expect(r.denial?.code).toBe('TRADING_HALTED');
    expect(g.broker.orders).toHaveLength(2);
  });

  it('still lets a cancel through while HALTED', async () => {
    const r = await enterStrangle(g.orders, g.account.id);
    await setState('HALTED');
    const after = await g.cancel.cancel(r.orderIds[0]);
    expect(after.status).toBe('PENDING_CANCEL');
    expect(g.broker.orders[0].state).toBe('CANCELED');
    await g.settle.settleAccount(g.account.id);
    expect((await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] })).status).toBe('CANCELED');
  });

  it('lets only reducing orders out while REDUCING', async () => {
    const positionId = await openPosition();
    await setState('REDUCING');
    const entry = await g.orders.submit(strangleLeg(g.account.id, { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, positionId }));
    expect(entry.denial?.code).toBe('REDUCING_ONLY');
    const wrongSide = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'SELL', positionId }));
    expect(wrongSide.denial?.code).toBe('REDUCING_ONLY');
    const exit = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 100 }));
    expect(exit.statuses).toEqual(['ACCEPTED']);
    expect(g.broker.orders.map((o) => o.request.side)).toEqual(['SELL', 'SELL', 'BUY']);
  });

  describe('an account not reconciled (after a restart, or after a mismatch) refuses new risk but lets out what reduces a position the broker confirms', () => {
    let gate: ReconciliationGate;
    let gated: OrdersService;

    beforeEach(() => {
      gate = new ReconciliationGate();
      gated = buildGateway({ dataSource: g.dataSource, clock: g.clock, sleep: async (ms) => g.clock.advance(ms), registry: g.registry, riskContext: new RiskContextService(g.dataSource, g.clock, createDefaultNseCalendar(), new RiskPositionsQuery(g.dataSource), new DailyPnlHistoryQuery(g.dataSource), gate) });
    });

    it.each([
      ['pending since start-up', false],
      ['after a mismatch', true],
    ])('%s: the strategy stop-loss of a confirmed short leg goes out, an entry is NOT_RECONCILED (fails on main: TRADING_HALTED)', async (_, mismatch) => {
      const positionId = await openPosition();
      if (mismatch) gate.markUnreconciled(g.account.id);
      const entry = await gated.submit(strangleLeg(g.account.id, { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, positionId }));
      expect(entry.denial?.code).toBe('NOT_RECONCILED');
      expect(entry.denial?.context).toMatchObject({ reconciliation: mismatch ? 'MISMATCH' : 'PENDING' });
      const stopLoss = await gated.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 240, strategyType: 'WEEKLY_NIFTY_STRANGLE' }));
      expect(stopLoss.statuses).toEqual(['ACCEPTED']);
      expect(g.broker.orders.map((o) => `${o.request.side} ${o.request.quantity}`)).toEqual(['SELL 650', 'SELL 650', 'BUY 650']);
    });

    it('refuses an exit the journal believes in but the broker does not confirm (it would open a new position)', async () => {
      const positionId = await openPosition();
      // The broker is flat: the journal's short call was closed at the broker while mCube was down.
      g.broker.orders[0].filled = 0;
      const exit = await gated.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 130 }));
      expect(exit.denial?.code).toBe('NOT_RECONCILED');
      expect(exit.denial?.context).toMatchObject({ reducesPosition: false });
      expect(g.broker.orders).toHaveLength(2);
      // Reconciled, the journal and the broker agree again and exits need no broker confirmation.
      gate.markReconciled(g.account.id);
      g.broker.orders[0].filled = 650;
      expect((await gated.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 130, idempotencyKey: 'after' }))).statuses).toEqual(['ACCEPTED']);
    });

    it('confirms with the broker under the kill switch REDUCING too, and never lets two exits overshoot a leg', async () => {
      const positionId = await openPosition();
      gate.markReconciled(g.account.id);
      await setState('REDUCING');
      const first = await gated.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 100 }));
      expect(first.statuses).toEqual(['ACCEPTED']);
      // The first exit is still working: a second one for the same units would buy 1,300 against a short of 650.
      const second = await gated.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 100, idempotencyKey: 'second' }));
      expect(second.denial?.code).toBe('REDUCING_ONLY');
      await setState('ACTIVE');
      const third = await gated.submit(strangleLeg(g.account.id, { purpose: 'EXIT', side: 'BUY', positionId, limitPrice: 100, idempotencyKey: 'third' }));
      expect(third.denial?.code).toBe('EXIT_NOT_REDUCING');
      expect(g.broker.orders).toHaveLength(3);
    });
  });
});
