import type { DataSource } from 'typeorm';
import { InstrumentKeySymbols1796328772821 as PostgresMigration } from '../../src/database/migrations/postgres/1796328772821-InstrumentKeySymbols';
import { InstrumentKeySymbols1796328772821 as SqliteMigration } from '../../src/database/migrations/sqlite/1796328772821-InstrumentKeySymbols';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { PositionLeg } from '../../src/modules/positions/entities/position-leg.entity';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { insertAccount, positionFor } from './fixtures';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from './test-database';

type Contract = Pick<Order, 'underlying' | 'instrumentType' | 'strike' | 'expiryDate'>;

const CALL: Contract = { underlying: 'NIFTY', instrumentType: 'CE', strike: 24_500, expiryDate: '2026-08-25' };
const PUT: Contract = { underlying: 'NIFTY', instrumentType: 'PE', strike: 23_500.5, expiryDate: '2026-08-25' };
const FUTURE: Contract = { underlying: 'BANKNIFTY', instrumentType: 'FUT', strike: null, expiryDate: '2026-08-27' };

/** [stored before, expected after up]: mCube's old symbols move to the key, anything else stays. */
const ORDER_SYMBOLS: Array<[Contract, string, string]> = [
  [CALL, 'NIFTY2026082524500CE', 'NIFTY-2026-08-25-24500-CE'],
  [PUT, 'NIFTY2026082523500.5PE', 'NIFTY-2026-08-25-23500.5-PE'],
  [FUTURE, 'BANKNIFTY20260827FUT', 'BANKNIFTY-2026-08-27-FUT'],
  // A broker's symbol, and an old-looking symbol that is not this row's contract: left alone.
  [CALL, 'NIFTY26AUG24500CE', 'NIFTY26AUG24500CE'],
  [CALL, 'NIFTY2026082524600CE', 'NIFTY2026082524600CE'],
];
const LEG_SYMBOLS: Array<[Contract, string, string]> = [
  [CALL, 'NIFTY2026082524500CE', 'NIFTY-2026-08-25-24500-CE'],
  [PUT, 'NIFTY2026082523500.5PE', 'NIFTY-2026-08-25-23500.5-PE'],
  [FUTURE, 'BANKNIFTY20260827FUT', 'BANKNIFTY-2026-08-27-FUT'],
  [PUT, 'NIFTY26AUG23500.5PE', 'NIFTY26AUG23500.5PE'],
];

/** Issue 13: the InstrumentKeySymbols data migration, both ways, on both databases. */
describe.each(TEST_DIALECTS)('the InstrumentKeySymbols migration on %s', (dialect) => {
  let db: TestDatabase;
  let ds: DataSource;
  afterEach(async () => {
    await ds?.destroy();
    await db?.dispose();
  });

  const migration = () => (dialect === 'sqlite' ? new SqliteMigration() : new PostgresMigration());
  const run = async (step: 'up' | 'down') => {
    const runner = ds.createQueryRunner();
    try {
      await migration()[step](runner);
    } finally {
      await runner.release();
    }
  };
  const symbols = async (entity: typeof Order | typeof PositionLeg) => (await ds.getRepository(entity).find({ order: { id: 'ASC' } })).map((r) => r.tradingSymbol);

  it('moves the old symbols of orders and legs (a strangle and a future) to the instrument key and back, leaving other symbols alone', async () => {
    db = await createTestDatabase(dialect);
    ds = await db.openMigrated();
    const account = await insertAccount(ds);
    const position = await ds.getRepository(Position).save(positionFor(account.id, { expiryDate: '2026-08-25' }));
    await ds.getRepository(Order).save(
      ORDER_SYMBOLS.map(([contract, tradingSymbol], i) =>
        ds.getRepository(Order).create({
          ...contract,
          tradingSymbol,
          clientOrderId: `mig-${i}`,
          accountId: account.id,
          positionId: position.id,
          exchangeSegment: contract.instrumentType === 'FUT' ? 'NFO-FUT' : 'NFO-OPT',
          side: 'SELL',
          orderType: 'LIMIT',
          quantity: 75,
          purpose: 'ENTRY',
        }),
      ),
    );
    await ds.getRepository(PositionLeg).save(
      LEG_SYMBOLS.map(([contract, tradingSymbol]) =>
        ds.getRepository(PositionLeg).create({
          ...contract,
          expiryDate: contract.expiryDate as string,
          tradingSymbol,
          positionId: position.id,
          side: 'SELL',
          quantity: 75,
          lotSize: 75,
          avgPricePaise: 10_000,
          openedAt: new Date('2026-08-20T04:00:00.000Z'),
        }),
      ),
    );

    await run('up');
    expect(await symbols(Order)).toEqual(ORDER_SYMBOLS.map(([, , after]) => after));
    expect(await symbols(PositionLeg)).toEqual(LEG_SYMBOLS.map(([, , after]) => after));

    await run('down');
    expect(await symbols(Order)).toEqual(ORDER_SYMBOLS.map(([, before]) => before));
    expect(await symbols(PositionLeg)).toEqual(LEG_SYMBOLS.map(([, before]) => before));
  });
});
