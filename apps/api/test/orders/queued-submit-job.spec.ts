import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import type { OrdersService } from '../../src/modules/orders/submit-order.service';
import { buildGateway } from './gateway-factory';
import { makeDriver, settled, type DriverUnderTest } from '../jobs/job-test-kit';
import { GatewayHarness, startGateway, strangleLeg } from './gateway-harness';
import { saveAdjustablePosition } from '../db/fixtures';

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
    d = await makeDriver(kind, { overrides: { 'orders.submit': async (payload) => void (await orders.runQueued(payload as never)) } });
    const sleep = async (ms: number) => g.clock.advance(ms);
    orders = buildGateway({ dataSource: g.dataSource, clock: g.clock, sleep, registry: g.registry, jobs: d.queue });
    await d.queue.startProcessing();
  });
  afterEach(async () => {
    await d.close();
    await g.close();
  });

  const rows = (ids: readonly number[]) => g.dataSource.getRepository(Order).find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });

  it('journals the intent INITIALIZED with what a later send needs, then the job sends it once; a redelivery and a second enqueue send nothing', async () => {
    // A strategy's own figures travel with the queued intent (internal: no public input carries them).
    const callerFigures = { marginPaise: 18_00_000_00, riskPaise: 50_000_00, exposurePaise: 1_52_75_000_00 };
    const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
    const intent = strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', idempotencyKey: 'queued-1', product: 'MIS', callerFigures });
    const queued = await orders.enqueue(intent);
    expect(queued).toMatchObject({ duplicate: false, statuses: ['INITIALIZED'] });
    const [journaled] = await rows(queued.orderIds);
    expect(journaled).toMatchObject({ estimatedMarginPaise: 18_00_000_00, estimatedRiskPaise: 50_000_00, estimatedExposurePaise: 1_52_75_000_00, product: 'MIS', limitPricePaise: 12050 });
    expect(journaled.queuedAt?.getTime()).toBe(g.clock.nowMs());

    expect((await settled(d.queue, queued.intentId)).state).toBe('completed');
    expect(g.broker.orders).toHaveLength(1);
    expect(g.broker.orders[0].request).toMatchObject({ clientOrderId: queued.intentId, side: 'BUY', quantity: 650, limitPrice: 120.5, product: 'MIS' });
    const [sent] = await rows(queued.orderIds);
    expect(sent).toMatchObject({ status: 'ACCEPTED' });

    // The same job delivered again (a stalled job's redelivery): nothing is sent.
    expect(await orders.runQueued({ clientOrderId: queued.intentId, accountId: g.account.id })).toBeNull();
    // The same intent or job enqueued again: the key and the job id are known.
    expect((await orders.enqueue(intent)).duplicate).toBe(true);
    expect((await d.queue.enqueue('orders.submit', { clientOrderId: queued.intentId, accountId: g.account.id })).duplicate).toBe(true);
    expect(g.broker.orders).toHaveLength(1);
  });

  it('lets only one of two concurrent deliveries of one job send', async () => {
    const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
    const intent = strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', quantity: 1950, idempotencyKey: 'queued-race' });
    // Journaled by hand (no job yet), then "delivered" twice at once.
    const queuedOnly = buildGateway({ dataSource: g.dataSource, clock: g.clock, sleep: async () => undefined, registry: g.registry, jobs: { enqueue: async () => ({ jobId: 'x', duplicate: false }) } as never });
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
    const queued = await orders.enqueue(strangleLeg(g.account.id, { purpose: 'ADJUST', side: 'BUY', idempotencyKey: 'queued-halted' }));
    expect((await settled(d.queue, queued.intentId)).state).toBe('completed');
    const [denied] = await rows(queued.orderIds);
    expect(denied).toMatchObject({ status: 'DENIED', denialCode: 'TRADING_HALTED' });
    expect(g.broker.orders).toHaveLength(0);
  });

  it("checks with the larger margin when the caller's own figure is above the gateway's: stricter, never looser", async () => {
    // The gateway prices this long call at its premium (₹78,325); the caller says ₹1.3 Cr, above the ₹1.2 Cr usable.
    const positionId = await saveAdjustablePosition(g.dataSource, g.account.id);
    const queued = await orders.enqueue(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId, side: 'BUY', idempotencyKey: 'queued-strict', callerFigures: { marginPaise: 1_30_00_000_00 } }));
    expect((await settled(d.queue, queued.intentId)).state).toBe('completed');
    const [denied] = await rows(queued.orderIds);
    expect(denied).toMatchObject({ status: 'DENIED', denialCode: 'MARGIN_EXCEEDS_USABLE' });
    expect(denied.denialContext).toMatchObject({ requiredPaise: 1_30_00_000_00, modelPaise: 78_325_00, callerPaise: 1_30_00_000_00 });
    expect(g.broker.orders).toHaveLength(0);
  });
});
