import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { OrdersService } from '../../src/modules/orders/submit-order.service';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { makeDriver, settled, type DriverUnderTest } from '../jobs/job-test-kit';
import { GatewayHarness, startGateway, strangleLeg } from './gateway-harness';

/**
 * `orders.submit` (issue #5): `OrdersService.enqueue` journals the intent and queues the job;
 * the orders module's handler (`runQueued`) sends it through the same risk checks and send
 * path as `submit`. A redelivered job sends nothing twice, on both drivers.
 */
describe.each(['in-process', 'bullmq'] as const)('the orders.submit job on the %s driver', (kind) => {
  let g: GatewayHarness;
  let d: DriverUnderTest;
  let orders: OrdersService;

  beforeEach(async () => {
    g = await startGateway();
    // The job's handler is the orders module's: `runQueued` of the gateway under test.
    d = makeDriver(kind, { overrides: { 'orders.submit': async (payload) => void (await orders.runQueued(payload as never)) } });
    const sleep = async (ms: number) => g.clock.advance(ms);
    orders = new OrdersService(g.dataSource, g.clock, sleep, g.registry, new RiskContextService(g.dataSource, g.clock), d.queue);
    await d.queue.startProcessing();
  });
  afterEach(async () => {
    await d.close();
    await g.close();
  });

  const rows = (ids: readonly number[]) => g.dataSource.getRepository(Order).find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });

  it('journals the intent INITIALIZED with what a later send needs, then the job sends it once; a redelivery and a second enqueue send nothing', async () => {
    const intent = strangleLeg(g.account.id, { idempotencyKey: 'queued-1', product: 'MIS' });
    const queued = await orders.enqueue(intent);
    expect(queued).toMatchObject({ duplicate: false, statuses: ['INITIALIZED'] });
    const [journaled] = await rows(queued.orderIds);
    expect(journaled).toMatchObject({ estimatedMarginPaise: 18_00_000_00, estimatedRiskPaise: 50_000_00, estimatedExposurePaise: 1_52_75_000_00, product: 'MIS', limitPricePaise: 12050 });
    expect(journaled.queuedAt?.getTime()).toBe(g.clock.nowMs());

    expect((await settled(d.queue, queued.intentId)).state).toBe('completed');
    expect(g.broker.orders).toHaveLength(1);
    expect(g.broker.orders[0].request).toMatchObject({ clientOrderId: queued.intentId, side: 'SELL', quantity: 650, limitPrice: 120.5, product: 'MIS' });
    const [sent] = await rows(queued.orderIds);
    expect(sent).toMatchObject({ status: 'ACCEPTED' });
    expect(sent.positionId).not.toBeNull();

    // The same job delivered again (a stalled job's redelivery): nothing is sent.
    expect(await orders.runQueued({ clientOrderId: queued.intentId, accountId: g.account.id })).toBeNull();
    // The same intent or job enqueued again: the key and the job id are known.
    expect((await orders.enqueue(intent)).duplicate).toBe(true);
    expect((await d.queue.enqueue('orders.submit', { clientOrderId: queued.intentId, accountId: g.account.id })).duplicate).toBe(true);
    expect(g.broker.orders).toHaveLength(1);
  });

  it('lets only one of two concurrent deliveries of one job send', async () => {
    const intent = strangleLeg(g.account.id, { quantity: 1950, idempotencyKey: 'queued-race' });
    // Journaled by hand (no job yet), then "delivered" twice at once.
    const queuedOnly = new OrdersService(g.dataSource, g.clock, async () => undefined, g.registry, new RiskContextService(g.dataSource, g.clock), { enqueue: async () => ({ jobId: 'x', duplicate: false }) } as never);
    const queued = await queuedOnly.enqueue(intent);
    expect(queued.statuses).toEqual(['INITIALIZED', 'INITIALIZED']);
    const payload = { clientOrderId: queued.intentId, accountId: g.account.id };
    const results = await Promise.all([orders.runQueued(payload), orders.runQueued(payload)]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    // 1950 units = 30 lots, sliced at the 1800-unit freeze: two broker orders, once.
    expect(g.broker.orders.map((o) => o.request.quantity)).toEqual([1755, 195]);
  });

  it('checks the risk rules when the job runs: an intent queued for a HALTED account is DENIED with its code and nothing is sent', async () => {
    await g.dataSource.getRepository(BrokerAccount).update(g.account.id, { tradingState: 'HALTED' });
    const queued = await orders.enqueue(strangleLeg(g.account.id, { idempotencyKey: 'queued-halted' }));
    expect((await settled(d.queue, queued.intentId)).state).toBe('completed');
    const [denied] = await rows(queued.orderIds);
    expect(denied).toMatchObject({ status: 'DENIED', denialCode: 'TRADING_HALTED' });
    expect(g.broker.orders).toHaveLength(0);
  });
});
