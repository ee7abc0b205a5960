import { Order } from '../../src/modules/orders/entities/order.entity';
import { OrderEvent } from '../../src/modules/orders/entities/order-event.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { GatewayHarness, startGateway, strangleEntry } from './gateway-harness';

describe('a broker timeout after the order was accepted (done-when 1)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('leaves the order SUBMITTED and in flight, never REJECTED, and sends it only once (the other leg goes on)', async () => {
    g.broker.timeoutAfterAccept();
    const [r, put] = (await g.orders.submitEntry(strangleEntry(g.account.id))).legs;
    const row = await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
    expect(row.status).toBe('SUBMITTED');
    expect(row.inFlightUnknown).toBe(true);
    expect(row.brokerOrderId).toBeNull();
    expect(put.statuses).toEqual(['ACCEPTED']);
    expect(g.broker.orders.map((o) => o.request.clientOrderId)).toEqual([r.intentId, put.intentId]);
  });

  it('settles it by tag: one broker order, ACCEPTED with the broker id, then the fill makes the position right', async () => {
    g.broker.timeoutAfterAccept();
    const [r] = (await g.orders.submitEntry(strangleEntry(g.account.id))).legs;
    await g.settle.settleAccount(g.account.id);
    let row = await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
    expect(row.status).toBe('ACCEPTED');
    expect(row.inFlightUnknown).toBe(false);
    expect(row.brokerOrderId).toBe(g.broker.orders[0].brokerOrderId);

    g.broker.fill(r.intentId, 650, 121);
    await g.settle.settleAccount(g.account.id);
    await g.settle.settleAccount(g.account.id);
    row = await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
    expect(row.status).toBe('FILLED');
    expect(row.filledQuantity).toBe(650);
    const legs = await g.dataSource.getRepository(PositionLeg).find({ where: { positionId: r.positionId as number } });
    expect(legs.map((l) => [l.side, l.quantity, l.avgPricePaise])).toEqual([['SELL', 650, 12100]]);
    expect(g.broker.orders).toHaveLength(2);
    const types = (await g.dataSource.getRepository(OrderEvent).find({ where: { orderId: row.id }, order: { sequence: 'ASC' } })).map((e) => e.type);
    expect(types).toEqual(['INITIALIZED', 'SUBMITTED', 'SEND_TIMED_OUT', 'ACCEPTED', 'FILLED']);
  });

  it('rejects an order the broker never received once the grace period is over, and frees the position slot', async () => {
    g.broker.timeoutAfterAccept();
    const [r, put] = (await g.orders.submitEntry(strangleEntry(g.account.id))).legs;
    g.broker.orders.splice(0, 1); // the call's request never reached the broker after all
    await g.cancel.cancel(put.orderIds[0]);
    await g.settle.settleAccount(g.account.id);
    expect((await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] })).status).toBe('SUBMITTED');
    g.clock.advance(61_000);
    await g.settle.settleAccount(g.account.id);
    expect((await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] })).status).toBe('REJECTED');
    const again = await g.orders.submitEntry(strangleEntry(g.account.id));
    expect(again.legs.map((l) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
  });

  it('treats a broker REJECTED as not placed: the other leg is never sent, and the unfilled position slot closes', async () => {
    g.broker.reject();
    const r = await g.orders.submitEntry(strangleEntry(g.account.id));
    expect(r.legs.map((l) => l.statuses)).toEqual([['REJECTED'], ['CANCELED']]);
    expect(g.broker.orders).toHaveLength(0);
    const put = await g.dataSource.getRepository(Order).findOneByOrFail({ id: r.legs[1].orderIds[0] });
    expect(put.statusReason).toMatch(/not sent: the broker rejected another order of this entry/);
    expect((await g.orders.submitEntry(strangleEntry(g.account.id))).legs.map((l) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
  });
});
