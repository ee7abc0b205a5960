import { Order } from '../../src/modules/orders/entities/order.entity';
import { CancelOrderService } from '../../src/modules/orders/cancel-order.service';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { startIciciLive, type IciciLiveHarness } from './icici-live-harness';
import { approved, futures } from './icici-live-intents';

const ADMIN = { username: 'lead', role: 'admin' } as const;

/** Never an unknown order: settled and reconciled, nothing in flight unknown, each remark at ICICI at most once and in the journal. */
async function expectNothingUnknown(h: IciciLiveHarness): Promise<void> {
  await h.settle.settleAccount(h.account.id);
  expect((await h.reconciliation.reconcile(h.account.id)).mismatches).toEqual([]);
  const orders = await h.dataSource.getRepository(Order).find({ where: { accountId: h.account.id } });
  expect(orders.filter((o) => o.inFlightUnknown).map((o) => o.clientOrderId)).toEqual([]);
  for (const o of orders) expect(h.server.book.countWithRemark(o.clientOrderId)).toBeLessThanOrEqual(1);
  const tags = new Set(orders.map((o) => o.clientOrderId));
  expect(h.server.book.orders.filter((o) => !tags.has(o.remark)).map((o) => o.remark)).toEqual([]);
}

// The order-path fault scenarios of the paper broker (apps/api/test/orders/paper-broker-gateway.spec.ts) on the
// Breeze adapter and the local Breeze server; the others (timeout after accept, malformed answer, lost answer,
// 429/5xx before processing, reject after ack) are in icici-live-gateway.spec.ts.
describe('order-path faults on the live ICICI Breeze adapter (local Breeze server), as on the paper broker', () => {
  let h: IciciLiveHarness;
  beforeEach(async () => {
    h = await startIciciLive();
    await h.goLive();
  });
  afterEach(async () => h.close());
  const order = (id: number) => h.dataSource.getRepository(Order).findOneByOrFail({ id });
  const placeCalls = () => h.server.callsTo('order', 'POST').length;
  const legsOf = (positionId: number) => h.dataSource.getRepository(PositionLeg).find({ where: { positionId } });
  const cancels = () => new CancelOrderService(h.dataSource, h.clock, h.registry);

  it('the same job delivered twice (and once more later) makes one ICICI order', async () => {
    const intent = { ...(await approved(h, futures(h.account.id))), idempotencyKey: 'job-7' };
    const [a, b] = await Promise.all([h.orders.submit(intent), h.orders.submit(intent)]);
    const c = await h.orders.submit(intent);
    expect(new Set([a.intentId, b.intentId, c.intentId]).size).toBe(1);
    expect(placeCalls()).toBe(1);
    expect(h.server.book.countWithRemark(a.intentId)).toBe(1);
    await expectNothingUnknown(h);
  });

  it('10 concurrent entry intents make one position and one ICICI order', async () => {
    const intents = await Promise.all(Array.from({ length: 10 }, (_, i) => approved(h, futures(h.account.id, 'BUY', 24_600 + i * 0.05))));
    const results = await Promise.all(intents.map((i) => h.orders.submit(i)));
    expect(results.filter((r) => r.statuses.includes('ACCEPTED'))).toHaveLength(1);
    expect(await h.dataSource.getRepository(Position).count({ where: { accountId: h.account.id, status: 'ACTIVE' } })).toBe(1);
    expect(placeCalls()).toBe(1);
    expect(h.server.book.orders).toHaveLength(1);
    await expectNothingUnknown(h);
  });

  it('HALTED sends nothing to ICICI; REDUCING refuses new risk and lets the exit out', async () => {
    const entry = await h.orders.submit(await approved(h, futures(h.account.id)));
    h.server.book.fill(entry.intentId, {});
    await h.settle.settleAccount(h.account.id);
    const positionId = entry.positionId as number;
    expect((await legsOf(positionId)).map((l) => l.quantity)).toEqual([65]);

    await h.killSwitch.set('HALTED', 'desk review', h.account.id, ADMIN);
    const exitIntent = { ...futures(h.account.id, 'SELL', 24_590), purpose: 'EXIT' as const, positionId };
    const halted = await h.orders.submit(exitIntent);
    expect(halted.denial?.code).toBe('TRADING_HALTED');
    expect(placeCalls()).toBe(1);

    await h.killSwitch.set('REDUCING', 'wind down', h.account.id, ADMIN);
    const more = await h.orders.submit(await approved(h, { ...futures(h.account.id, 'BUY', 24_601), purpose: 'AVERAGE', positionId }));
    expect(more.denial?.code).toBe('REDUCING_ONLY');
    expect(placeCalls()).toBe(1);
    const exit = await h.orders.submit(exitIntent);
    expect(exit.statuses).toEqual(['ACCEPTED']);
    expect(placeCalls()).toBe(2);
    expect(h.server.callsTo('order', 'POST')[1].body).toMatchObject({ action: 'sell', quantity: '65', user_remark: exit.intentId });
    await expectNothingUnknown(h);
  });

  it('a cancel that loses the race to a fill still counts: FILLED from ICICI\'s trades, the position holds it', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'DELETE', mode: 'FILL_AFTER_CANCEL' });
    const r = await h.orders.submit(await approved(h, futures(h.account.id)));
    expect((await cancels().cancel(r.orderIds[0], 'test')).status).toBe('PENDING_CANCEL');
    await h.settle.settleAccount(h.account.id);
    expect(await order(r.orderIds[0])).toMatchObject({ status: 'FILLED', filledQuantity: 65 });
    expect((await legsOf(r.positionId as number)).map((l) => l.quantity)).toEqual([65]);
    await expectNothingUnknown(h);
  });

  it('partly filled, then cancelled: CANCELED with the filled part kept; the position holds only what filled', async () => {
    const r = await h.orders.submit(await approved(h, { ...futures(h.account.id), quantity: 130 }));
    h.server.book.fill(r.intentId, { quantity: 65, price: 24_599.5 });
    await h.settle.settleAccount(h.account.id);
    expect(await order(r.orderIds[0])).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: 65 });
    expect((await cancels().cancel(r.orderIds[0], 'test')).status).toBe('PENDING_CANCEL');
    await h.settle.settleAccount(h.account.id);
    expect(await order(r.orderIds[0])).toMatchObject({ status: 'CANCELED', filledQuantity: 65 });
    expect(h.server.book.find(r.intentId).status).toBe('Partially Executed And Cancelled');
    expect((await legsOf(r.positionId as number)).map((l) => l.quantity)).toEqual([65]);
    await expectNothingUnknown(h);
  });

  it('429, then success: the refused order is REJECTED and never at ICICI; the next order once the limit passed is ACCEPTED', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'HTTP_STATUS', status: 429, retryAfterS: 1 });
    const limited = await h.orders.submit(await approved(h, futures(h.account.id)));
    expect(await order(limited.orderIds[0])).toMatchObject({ status: 'REJECTED', inFlightUnknown: false });
    h.clock.advance(1_000);
    const next = await h.orders.submit(await approved(h, futures(h.account.id, 'BUY', 24_602)));
    expect(next.statuses).toEqual(['ACCEPTED']);
    expect(placeCalls()).toBe(2);
    expect(h.server.book.orders.map((o) => o.remark)).toEqual([next.intentId]);
    await expectNothingUnknown(h);
  });

  it('a 5xx after ICICI took the order and a malformed 200 are settled by the remark: never unknown, never resent', async () => {
    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'MALFORMED', afterProcessing: true });
    const garbled = await h.orders.submit(await approved(h, futures(h.account.id)));
    expect(await order(garbled.orderIds[0])).toMatchObject({ status: 'ACCEPTED', brokerOrderId: h.server.book.find(garbled.intentId).orderId });
    h.server.book.fill(garbled.intentId, {});
    await h.settle.settleAccount(h.account.id);
    expect(placeCalls()).toBe(1);
    await expectNothingUnknown(h);
    expect(await order(garbled.orderIds[0])).toMatchObject({ status: 'FILLED', filledQuantity: 65, inFlightUnknown: false });

    h.server.faults.inject({ endpoint: 'order', method: 'POST', mode: 'HTTP_STATUS', status: 502, afterProcessing: true });
    const exit = await h.orders.submit({ ...futures(h.account.id, 'SELL', 24_590), purpose: 'EXIT', positionId: garbled.positionId as number });
    expect(h.server.book.countWithRemark(exit.intentId)).toBe(1);
    await expectNothingUnknown(h);
    expect(await order(exit.orderIds[0])).toMatchObject({ status: 'ACCEPTED', inFlightUnknown: false, brokerOrderId: h.server.book.find(exit.intentId).orderId });
    expect(placeCalls()).toBe(2);
  });

  it('a burst of 7 exits reaches ICICI at ≤ 5 orders per second (mCube\'s own throttle, under ICICI\'s 10/s)', async () => {
    const entry = await h.orders.submit(await approved(h, { ...futures(h.account.id), quantity: 455 }));
    expect(entry.statuses).toEqual(['ACCEPTED']);
    h.server.book.fill(entry.intentId, {});
    await h.settle.settleAccount(h.account.id);
    const positionId = entry.positionId as number;
    const exits = await Promise.all(Array.from({ length: 7 }, (_, i) => h.orders.submit({ ...futures(h.account.id, 'SELL', 24_590 + i * 0.05), purpose: 'EXIT', positionId })));
    expect(exits.map((r) => r.statuses)).toEqual(Array.from({ length: 7 }, () => ['ACCEPTED']));
    const placed = h.server.book.orders.filter((o) => o.action === 'Sell').map((o) => o.orderAtMs).sort((a, b) => a - b);
    expect(placed).toHaveLength(7);
    for (let i = 5; i < placed.length; i++) expect(placed[i] - placed[i - 5]).toBeGreaterThanOrEqual(1000);
    await expectNothingUnknown(h);
  });
});
