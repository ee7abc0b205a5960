import { Order } from '../../src/modules/orders/entities/order.entity';
import { GatewayHarness, startGateway, strangleEntry, strangleLeg } from './gateway-harness';
import { saveAdjustablePosition } from '../db/fixtures';

describe('throttle, slicing and protected limits (done-when 7)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('lets a burst of 30 orders reach the broker at no more than 5 in any second', async () => {
    const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
    const exits = Array.from({ length: 30 }, (_, i) =>
      g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', quantity: 65, limitPrice: 10 + i * 0.05 })),
    );
    await Promise.all(exits);
    const times = g.broker.orders.map((o) => o.receivedAtMs);
    expect(times).toHaveLength(30);
    for (let i = 5; i < times.length; i++) expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(1000);
    // The clock only moved by waiting: the burst took ≥ 5 s.
    expect(times[29] - times[0]).toBeGreaterThanOrEqual(5000);
  });

  it('slices an order above the freeze quantity into whole-lot children, each its own tagged broker order', async () => {
    const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
    const r = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', quantity: 3900 }));
    expect(g.broker.orders.map((o) => o.request.quantity)).toEqual([1755, 1755, 390]);
    expect(g.broker.orders.map((o) => o.request.clientOrderId)).toEqual([`${r.intentId}s1`, `${r.intentId}s2`, `${r.intentId}s3`]);
    expect(r.statuses).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
  });

  it('slices both legs of a large strangle and sends them interleaved, so one leg is never more than a slice ahead', async () => {
    const entry = await g.orders.submitEntry(strangleEntry(g.account.id, { quantity: 1950 }));
    const [call, put] = entry.legs;
    expect(g.broker.orders.map((o) => [o.request.clientOrderId, o.request.quantity])).toEqual([
      [`${call.intentId}s1`, 1755],
      [`${put.intentId}s1`, 1755],
      [`${call.intentId}s2`, 195],
      [`${put.intentId}s2`, 195],
    ]);
    const rows = await g.dataSource.getRepository(Order).find({ where: { positionId: entry.positionId as number } });
    expect(rows).toHaveLength(4);
  });

  it('turns a MARKET intent into a protected LIMIT on the tick', async () => {
    const entry = strangleEntry(g.account.id);
    await g.orders.submitEntry({ ...entry, legs: entry.legs.map((l) => ({ ...l, orderType: 'MARKET' })) });
    // SELL: at least 120.5 × 0.98 = 118.09, rounded down to the tick.
    expect(g.broker.orders[0].request.limitPrice).toBe(118.05);
  });
});
