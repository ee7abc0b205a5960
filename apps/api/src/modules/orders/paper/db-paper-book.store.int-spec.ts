import { EMPTY_PAPER_BOOK, PaperExecutionClient } from '@mcube/brokers-paper';
import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { insertAccount } from '../../../../test/db/fixtures';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../../test/db/test-database';
import { QuoteBoard } from '../../../../test/orders/quote-board.fake';
import { DbPaperBookStore } from './db-paper-book.store';

const CALL = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE', segment: 'NFO-OPT' } as const;

describe.each(TEST_DIALECTS)('the database paper book store on %s', (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('starts empty, and gives a restarted paper broker exactly the book it traded (orders, trades, positions, counters)', async () => {
    const ds = await db.openMigrated();
    const account = await insertAccount(ds);
    const other = await insertAccount(ds);
    const store = new DbPaperBookStore(ds, account.id);
    expect(await store.load()).toEqual(EMPTY_PAPER_BOOK);
    const clock = new FixedClock(epochMsOfIst('2026-03-10', '10:00:00'));
    const market = new QuoteBoard().set('NIFTY 50', { lastPrice: 23400 });
    const paper = await PaperExecutionClient.create({ config: { capitalPaise: 6_00_00_000_00, displayedLotsPerPass: 4 }, clock, marketData: market, store });
    await paper.placeOrder({ clientOrderId: 'k1', accountId: String(account.id), instrument: CALL, side: 'SELL', quantity: 650, limitPrice: 120.5, product: 'NRML', validity: 'DAY' });
    await paper.onMarket([{ symbol: 'NIFTY-2026-03-17-23500-CE', lastPrice: 121, bid: 121, ask: 121.5, asOfMs: clock.nowMs() }]);

    const restarted = await PaperExecutionClient.create({ config: { capitalPaise: 6_00_00_000_00 }, clock, marketData: market, store: new DbPaperBookStore(ds, account.id) });
    expect(restarted.snapshot()).toEqual(paper.snapshot());
    expect(await restarted.listTrades()).toHaveLength(1);
    expect((await restarted.orderByTag('k1'))?.filledQuantity).toBe(260);
    expect((await restarted.listPositions())[0].netQuantity).toBe(-260);
    // Another account's book is separate.
    expect(await new DbPaperBookStore(ds, other.id).load()).toEqual(EMPTY_PAPER_BOOK);
  });

  it('refuses to store a trade twice, storing nothing of that event', async () => {
    const ds = await db.openMigrated();
    const account = await insertAccount(ds);
    const store = new DbPaperBookStore(ds, account.id);
    const trade = { tradeId: 'T1' } as never;
    await store.save({ orders: [], trades: [trade], positions: [], counters: { orders: 0, trades: 1 } });
    await expect(store.save({ orders: [], trades: [trade], positions: [], counters: { orders: 0, trades: 2 } })).rejects.toThrow();
    expect((await store.load()).counters).toEqual({ orders: 0, trades: 1 });
  });
});
