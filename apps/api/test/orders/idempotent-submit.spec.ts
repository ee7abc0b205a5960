import { Order } from '../../src/modules/orders/entities/order.entity';
import { GatewayHarness, startGateway, strangleEntry } from './gateway-harness';

describe('the same order job delivered twice (done-when 3)', () => {
  let g: GatewayHarness;

  beforeEach(async () => {
    g = await startGateway();
  });
  afterEach(async () => {
    await g.close();
  });

  it('makes one broker order per leg when delivered one after the other', async () => {
    const first = await g.orders.submitEntry(strangleEntry(g.account.id, { idempotencyKey: 'job:entry:2026-03-10' }));
    const second = await g.orders.submitEntry(strangleEntry(g.account.id, { idempotencyKey: 'job:entry:2026-03-10' }));
    expect(second.duplicate).toBe(true);
    expect(second.legs.map((l) => l.intentId)).toEqual(first.legs.map((l) => l.intentId));
    expect(second.legs.map((l) => l.orderIds)).toEqual(first.legs.map((l) => l.orderIds));
    expect(g.broker.orders).toHaveLength(2);
  });

  it('makes one broker order per leg when both deliveries race', async () => {
    const [a, b] = await Promise.all([
      g.orders.submitEntry(strangleEntry(g.account.id, { idempotencyKey: 'job-42' })),
      g.orders.submitEntry(strangleEntry(g.account.id, { idempotencyKey: 'job-42' })),
    ]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(g.broker.orders).toHaveLength(2);
    expect(await g.dataSource.getRepository(Order).count()).toBe(2);
  });

  it('gives different keys different clientOrderIds, and the same key on another account another id', async () => {
    const a = await g.orders.submitEntry(strangleEntry(g.account.id, { idempotencyKey: 'k1' }));
    const b = await g.orders.submitEntry(strangleEntry(g.account.id, { idempotencyKey: 'k2' }));
    expect(a.legs[0].intentId).not.toBe(b.legs[0].intentId);
    expect(b.denial?.code).toBe('ACTIVE_POSITION_EXISTS');
  });
});
