import type { EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { OrderEvent } from '../../src/modules/orders/entities/order-event.entity';
import { GatewayHarness, startGateway, strangleEntry, strangleLeg } from './gateway-harness';

/**
 * Records, per committed transaction, the journal events it wrote (order_events types in
 * insert order). A write outside a transaction would be its own group too.
 */
class CommitRecorder implements EntitySubscriberInterface<OrderEvent> {
  readonly commits: string[][] = [];
  private current: string[] = [];
  listenTo(): typeof OrderEvent {
    return OrderEvent;
  }
  afterInsert(event: InsertEvent<OrderEvent>): void {
    this.current.push(String(event.entity.type));
    if (!event.queryRunner.isTransactionActive) this.afterTransactionCommit();
  }
  afterTransactionCommit(): void {
    if (this.current.length > 0) this.commits.push(this.current);
    this.current = [];
  }
}

// Issue 21: the gateway commits an intent twice: INITIALIZED (every leg) + the verdict + the
// first slice SUBMITTED in one commit, on disk before the order leaves; the broker's answer in a
// second. (Crash safety of that first commit: sigkill-reconciliation.spec.ts, AFTER_JOURNAL.)
describe('the gateway journal commits', () => {
  let g: GatewayHarness;
  let recorder: CommitRecorder;

  beforeEach(async () => {
    g = await startGateway();
    recorder = new CommitRecorder();
    g.dataSource.subscribers.push(recorder);
  });
  afterEach(async () => {
    await g.close();
  });

  it('journals one intent in two commits: INITIALIZED + SUBMITTED, then the broker ack', async () => {
    const entry = await g.orders.submitEntry(strangleEntry(g.account.id));
    recorder.commits.length = 0;
    // An ADJUST BUY of one lot on the entry's position (as the order-gateway bench sends).
    const r = await g.orders.submit(strangleLeg(g.account.id, { purpose: 'ADJUST', positionId: entry.positionId ?? undefined, side: 'BUY', quantity: 65, limitPrice: 10 }));
    expect(r.statuses).toEqual(['ACCEPTED']);
    expect(recorder.commits).toEqual([['INITIALIZED', 'SUBMITTED'], ['ACCEPTED']]);
    expect(g.broker.orders).toHaveLength(3);
  });

  it('journals both legs of a strangle with the first SUBMITTED in one commit; the put (lagging) gets its own SUBMITTED and ack', async () => {
    const r = await g.orders.submitEntry(strangleEntry(g.account.id));
    expect(r.legs.map((l) => l.statuses)).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    expect(recorder.commits).toEqual([['INITIALIZED', 'INITIALIZED', 'SUBMITTED'], ['ACCEPTED'], ['SUBMITTED'], ['ACCEPTED']]);
    expect(r.positionId).not.toBeNull();
  });

  it('journals a denied intent in one commit (INITIALIZED + DENIED) and sends nothing', async () => {
    g.clock.advance(8 * 60 * 60_000); // 18:00 IST: outside the session
    const r = await g.orders.submit(strangleLeg(g.account.id));
    expect(r.denial?.code).toBe('OUTSIDE_MARKET_HOURS');
    expect(recorder.commits).toEqual([['INITIALIZED', 'DENIED']]);
    expect(g.broker.orders).toHaveLength(0);
  });
});
