import { Order } from '../../src/modules/orders/entities/order.entity';
import { GatewayHarness, startGateway, strangleLeg } from './gateway-harness';

describe('the same order job delivered twice (done-when 3)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('makes one broker order when delivered one after the other', async () => {
    const first = await g.orders.submit(strangleLeg(g.account.id, { idempotencyKey: 'job:entry:2026-03-10' }));
    const second = await g.orders.submit(strangleLeg(g.account.id, { idempotencyKey: 'job:entry:2026-03-10' }));
    expect(second.duplicate).toBe(true);
    expect(second.intentId).toBe(first.intentId);
    expect(second.orderIds).toEqual(first.orderIds);
    expect(g.broker.orders).toHaveLength(1);
  });

  it('makes one broker order when both deliveries race', async () => {
    const [a, b] = await Promise.all([
      g.orders.submit(strangleLeg(g.account.id, { idempotencyKey: 'job-42' })),
      g.orders.submit(strangleLeg(g.account.id, { idempotencyKey: 'job-42' })),
    ]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(g.broker.orders).toHaveLength(1);
    expect(await g.dataSource.getRepository(Order).count()).toBe(1);
  });

  it('gives different keys different clientOrderIds, and the same key on another account another id', async () => {
    const a = await g.orders.submit(strangleLeg(g.account.id, { idempotencyKey: 'k1', orderType: 'LIMIT' }));
    const b = await g.orders.submit(strangleLeg(g.account.id, { idempotencyKey: 'k2' }));
    expect(a.intentId).not.toBe(b.intentId);
    expect(b.denial?.code).toBe('ACTIVE_POSITION_EXISTS');
  });
});
