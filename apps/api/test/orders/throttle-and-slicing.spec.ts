import { Order } from '../../src/modules/orders/entities/order.entity';
import { GatewayHarness, startGateway, strangleLeg } from './gateway-harness';

describe('throttle, slicing and protected limits (done-when 7)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('lets a burst of 30 orders reach the broker at no more than 5 in any second', async () => {
    const exits = Array.from({ length: 30 }, (_, i) =>
      g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', side: 'BUY', quantity: 65, limitPrice: 10 + i * 0.05, estimatedMarginPaise: 0 })),
    );
    await Promise.all(exits);
    const times = g.broker.orders.map((o) => o.receivedAtMs);
    expect(times).toHaveLength(30);
    for (let i = 5; i < times.length; i++) expect(times[i] - times[i - 5]).toBeGreaterThanOrEqual(1000);
    // The clock only moved by waiting: the burst took ≥ 5 s.
    expect(times[29] - times[0]).toBeGreaterThanOrEqual(5000);
  });

  it('slices an order above the freeze quantity into whole-lot children, each its own tagged broker order', async () => {
    const r = await g.orders.submit(strangleLeg(g.account.id, { quantity: 3900 }));
    expect(g.broker.orders.map((o) => o.request.quantity)).toEqual([1755, 1755, 390]);
    expect(g.broker.orders.map((o) => o.request.clientOrderId)).toEqual([`${r.intentId}s1`, `${r.intentId}s2`, `${r.intentId}s3`]);
    expect(r.statuses).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    const rows = await g.dataSource.getRepository(Order).find({ where: { positionId: r.positionId as number } });
    expect(rows).toHaveLength(3);
  });

  it('turns a MARKET intent into a protected LIMIT on the tick', async () => {
    await g.orders.submit(strangleLeg(g.account.id, { orderType: 'MARKET', limitPrice: 120.5 }));
    // SELL: at least 120.5 × 0.98 = 118.09, rounded down to the tick.
    expect(g.broker.orders[0].request.limitPrice).toBe(118.05);
  });
});
