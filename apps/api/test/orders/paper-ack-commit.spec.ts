import { PaperExecutionClient } from '@mcube/brokers-paper';
import { createDefaultNseCalendar, epochMsOfIst, FixedClock } from '@mcube/domain';
import type { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { DailyPnlHistoryQuery } from '../../src/modules/analytics/daily-pnl/daily-pnl-history';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { ExecutionClientRegistry } from '../../src/modules/orders/execution-clients.token';
import type { OrdersService } from '../../src/modules/orders/order-gateway.service';
import { DbPaperBookStore } from '../../src/modules/orders/paper/db-paper-book.store';
import { RiskPositionsQuery } from '../../src/modules/positions/risk-positions.query';
import { RiskContextService } from '../../src/modules/risk/context/risk-context.service';
import { insertAccount, saveAdjustablePosition } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { buildGateway } from './gateway-factory';
import { QuoteBoard } from './quote-board.fake';

/** Records, per committed transaction, the tables it wrote (in write order, repeats kept). */
class CommitRecorder implements EntitySubscriberInterface {
  readonly commits: string[][] = [];
  private current: string[] = [];
  afterInsert(event: InsertEvent<unknown>): void {
    this.wrote(event.metadata.tableName, event.queryRunner.isTransactionActive);
  }
  afterUpdate(event: UpdateEvent<unknown>): void {
    this.wrote(event.metadata.tableName, event.queryRunner.isTransactionActive);
  }
  afterTransactionCommit(): void {
    if (this.current.length > 0) this.commits.push(this.current);
    this.current = [];
  }
  private wrote(table: string, inTransaction: boolean): void {
    this.current.push(table);
    if (!inTransaction) this.afterTransactionCommit();
  }
}

// Issue 21: a paper order placed through the gateway costs two commits (fsyncs), not three:
// the journal (INITIALIZED + SUBMITTED, on disk before it leaves), then the paper broker's book
// with the gateway's ACCEPTED in the same transaction (`journalPaperAck`).
describe('a paper order through the gateway: the book and its acknowledgement in one commit', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let paper: PaperExecutionClient;
  let orders: OrdersService;
  let accountId: number;
  let positionId: number;
  let recorder: CommitRecorder;

  const adjust = (strike = 23000) => ({
    accountId,
    segment: 'NFO-OPT' as const,
    instrument: { underlying: 'NIFTY', kind: 'OPT' as const, expiry: '2026-03-17', strike, optionType: 'CE' as const },
    side: 'BUY' as const,
    quantity: 65,
    orderType: 'LIMIT' as const,
    limitPrice: 10,
    purpose: 'ADJUST' as const,
    positionId,
  });

  beforeEach(async () => {
    db = await createTestDatabase(undefined, { migrated: true });
    dataSource = await db.openMigrated();
    accountId = (await insertAccount(dataSource)).id;
    positionId = await saveAdjustablePosition(dataSource, accountId);
    const clock = new FixedClock(epochMsOfIst('2026-03-10', '09:30:00'));
    const market = new QuoteBoard().set('NIFTY 50', { lastPrice: 23400 });
    paper = await PaperExecutionClient.create({ config: { capitalPaise: 6_00_00_000_00 }, clock, marketData: market, store: new DbPaperBookStore(dataSource, accountId) });
    const registry = new ExecutionClientRegistry();
    registry.register(accountId, paper);
    orders = buildGateway({ dataSource, clock, sleep: async (ms) => clock.advance(ms), registry, riskContext: new RiskContextService(dataSource, clock, createDefaultNseCalendar(), new RiskPositionsQuery(dataSource), new DailyPnlHistoryQuery(dataSource)), market });
    recorder = new CommitRecorder();
    dataSource.subscribers.push(recorder);
  }, 60_000);
  afterEach(async () => {
    await db.dispose();
  });

  it('commits twice: the journal, then the paper book with ACCEPTED (the gateway adds no commit of its own)', async () => {
    const r = await orders.submit(adjust());
    expect(r.statuses).toEqual(['ACCEPTED']);
    expect(recorder.commits).toHaveLength(2);
    expect(recorder.commits[0]).not.toContain('paper_book_rows');
    expect(recorder.commits[0]).toContain('order_events');
    expect(recorder.commits[1]).toContain('paper_book_rows');
    expect(recorder.commits[1]).toContain('order_events');
    const row = await dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
    expect(row).toMatchObject({ status: 'ACCEPTED', inFlightUnknown: false, brokerOrderId: (await paper.orderByTag(r.intentId))?.brokerOrderId });
  });

  it('what a second connection reads after the ack: the order in the paper book and ACCEPTED in the journal, same broker id', async () => {
    const r = await orders.submit(adjust());
    const other = await db.open();
    try {
      const book = await new DbPaperBookStore(other, accountId).load();
      const journaled = await other.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] });
      expect(book.orders.map((o) => o.clientOrderId)).toEqual([r.intentId]);
      expect(journaled.status).toBe('ACCEPTED');
      expect(journaled.brokerOrderId).toBe(book.orders[0].brokerOrderId);
    } finally {
      await other.destroy();
    }
  });

  it('a placement whose answer is lost (TIMEOUT_AFTER_ACCEPT) is not acknowledged by the book: SUBMITTED, in flight, settled by tag later', async () => {
    paper.injectFault({ mode: 'TIMEOUT_AFTER_ACCEPT' });
    const r = await orders.submit(adjust());
    expect(await dataSource.getRepository(Order).findOneByOrFail({ id: r.orderIds[0] })).toMatchObject({ status: 'SUBMITTED', inFlightUnknown: true, brokerOrderId: null });
    expect(await paper.ordersByTag(r.intentId)).toHaveLength(1);
    // The next order is acknowledged with its book again.
    const next = await orders.submit(adjust(23050));
    expect(next.statuses).toEqual(['ACCEPTED']);
  });

  it('an order placed on the paper client directly (no journal row with its tag) changes no order', async () => {
    const ack = await paper.placeOrder({ clientOrderId: 'not-journaled', accountId: String(accountId), instrument: { ...adjust().instrument, segment: 'NFO-OPT' }, side: 'BUY', quantity: 65, limitPrice: 10, product: 'NRML', validity: 'DAY' });
    expect(ack.brokerOrderId).toBeTruthy();
    expect(await dataSource.getRepository(Order).count()).toBe(0);
  });
});
