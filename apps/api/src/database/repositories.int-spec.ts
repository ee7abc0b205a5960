import type { DataSource } from 'typeorm';
import { insertAccount, positionFor } from '../../test/db/fixtures';
import { createTestDatabase, isUniqueViolation, TEST_DIALECTS, TestDatabase } from '../../test/db/test-database';
import { BrokerAccount } from '../modules/accounts/entities/broker-account.entity';
import { OptionChainRow } from '../modules/data/entities/option-chain.entity';
import { Execution } from '../modules/orders/entities/execution.entity';
import { Order } from '../modules/orders/entities/order.entity';
import { Position } from '../modules/positions/entities/position.entity';
import { DecisionJournalEntry } from '../modules/strategies/entities/decision-journal-entry.entity';

function orderFor(accountId: number, clientOrderId: string): Partial<Order> {
  return {
    clientOrderId,
    accountId,
    exchangeSegment: 'NFO-OPT',
    tradingSymbol: 'NIFTY24JAN22500CE',
    underlying: 'NIFTY',
    instrumentType: 'CE',
    strike: 22500,
    expiryDate: '2024-01-04',
    side: 'SELL',
    orderType: 'LIMIT',
    quantity: 75,
    limitPricePaise: 10_05,
    purpose: 'ENTRY',
  };
}

describe.each(TEST_DIALECTS)('repositories on %s', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataSource = await db.openMigrated();
  });
  afterAll(() => db.dispose());

  it('keeps ₹6 crore (6,00,00,00,000 paise) exact and hands it back as a number', async () => {
    const saved = await insertAccount(dataSource, { allocatedCapitalPaise: 6_00_00_00_000 });
    const loaded = await dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: saved.id });
    expect(loaded.allocatedCapitalPaise).toBe(6_00_00_00_000);
    expect(typeof loaded.allocatedCapitalPaise).toBe('number');
  });

  it('keeps the largest safe integer of paise exact', async () => {
    const saved = await insertAccount(dataSource, { allocatedCapitalPaise: Number.MAX_SAFE_INTEGER });
    const loaded = await dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: saved.id });
    expect(loaded.allocatedCapitalPaise).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a fractional paise amount instead of rounding it', async () => {
    await expect(insertAccount(dataSource, { allocatedCapitalPaise: 100.5 })).rejects.toThrow(/safe integer/);
  });

  it('applies the column defaults (active, paper trading, ACTIVE) and hands defaulted paise back as numbers', async () => {
    const saved = await insertAccount(dataSource);
    expect(saved).toMatchObject({ isActive: true, isPaperTrading: true, tradingState: 'ACTIVE', version: 1 });
    const position = await dataSource.getRepository(Position).save(positionFor(saved.id));
    expect(position.realizedPnlPaise).toBe(0);
    expect(position.premiumCollectedPaise).toBe(0);
    const loaded = await dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: saved.id });
    expect(loaded).toMatchObject({ isActive: true, isPaperTrading: true, tradingState: 'ACTIVE', deactivatedAt: null });
  });

  it('round-trips instants to the millisecond whatever the process time zone, and IST dates as strings', async () => {
    const account = await insertAccount(dataSource);
    const occurredAt = new Date('2024-01-02T04:30:15.123Z'); // 10:00:15.123 IST
    const repo = dataSource.getRepository(DecisionJournalEntry);
    const saved = await repo.save(
      repo.create({ accountId: account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', kind: 'SKIP', decision: 'SKIP', reason: 'VIX above 20', inputs: { vix: 21.5, filters: ['MARKET_REGIME'] }, occurredAt }),
    );
    const loaded = await repo.findOneByOrFail({ id: saved.id });
    expect(loaded.occurredAt.toISOString()).toBe('2024-01-02T04:30:15.123Z');
    expect(loaded.inputs).toEqual({ vix: 21.5, filters: ['MARKET_REGIME'] });
    expect(loaded.recordedAt).toBeInstanceOf(Date);

    const order = await dataSource.getRepository(Order).save(orderFor(account.id, 'rt-date-1'));
    expect((await dataSource.getRepository(Order).findOneByOrFail({ id: order.id })).expiryDate).toBe('2024-01-04');
  });

  it('stores instants in UTC in the database', async () => {
    const account = await insertAccount(dataSource);
    const repo = dataSource.getRepository(DecisionJournalEntry);
    const saved = await repo.save(
      repo.create({ accountId: account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', kind: 'ENTRY', decision: 'ENTER', reason: 'all filters passed', inputs: {}, occurredAt: new Date('2024-01-02T04:30:00.000Z') }),
    );
    const sql =
      dialect === 'postgres'
        ? `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS v FROM decision_journal WHERE id = $1`
        : `SELECT substr(occurred_at, 1, 19) AS v FROM decision_journal WHERE id = ?`;
    expect(await dataSource.query(sql, [saved.id])).toEqual([{ v: '2024-01-02 04:30:00' }]);
  });

  it('refuses a second order with the same clientOrderId (the idempotency key)', async () => {
    const account = await insertAccount(dataSource);
    const repo = dataSource.getRepository(Order);
    await repo.insert(orderFor(account.id, 'idem-1'));
    const second = await repo.insert(orderFor(account.id, 'idem-1')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(second)).toBe(true);
    expect(await repo.countBy({ clientOrderId: 'idem-1' })).toBe(1);
  });

  it('counts a fill reported twice by the same broker once', async () => {
    const account = await insertAccount(dataSource);
    const order = await dataSource.getRepository(Order).save(orderFor(account.id, 'fill-1'));
    const repo = dataSource.getRepository(Execution);
    const fill = (broker: string): Partial<Execution> => ({
      orderId: order.id,
      accountId: account.id,
      broker,
      executionId: 'T-1',
      side: 'SELL',
      quantity: 75,
      pricePaise: 10_05,
      chargesPaise: 37_12,
      occurredAt: new Date('2024-01-02T04:30:01Z'),
      recordedAt: new Date('2024-01-02T04:30:02Z'),
    });
    await repo.insert(fill('KOTAK'));
    const again = await repo.insert(fill('KOTAK')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(again)).toBe(true);
    const icici = fill('ICICI');
    await repo.insert(icici);
    expect(icici.chargesPaise).toBe(37_12); // not the string PostgreSQL returns
    expect(await repo.countBy({ executionId: 'T-1' })).toBe(2);
    expect((await repo.findOneByOrFail({ broker: 'KOTAK', executionId: 'T-1' })).chargesPaise).toBe(37_12);
  });

  it('keeps option prices in paise and greeks as floating point', async () => {
    const repo = dataSource.getRepository(OptionChainRow);
    const saved = await repo.save(
      repo.create({
        underlying: 'NIFTY',
        expiryDate: '2024-01-04',
        strike: 22550,
        optionType: 'PE',
        snapshotAt: new Date('2024-01-02T04:30:00Z'),
        underlyingPrice: 21741.9,
        ltpPaise: 12_35,
        volume: 3_456_789_012,
        openInterest: 12_345_678,
        iv: 0.1234,
        delta: -0.0931,
        source: 'replay',
      }),
    );
    const loaded = await repo.findOneByOrFail({ id: saved.id });
    expect(loaded).toMatchObject({ strike: 22550, ltpPaise: 12_35, volume: 3_456_789_012, iv: 0.1234, delta: -0.0931, underlyingPrice: 21741.9, bidPaise: null });
  });

  it('refuses a row that points at an account that does not exist (foreign keys on)', async () => {
    await expect(
      dataSource.query(`INSERT INTO strategy_configs (account_id, strategy_type, parameters, version, is_active, parameters_schema_version) VALUES (999999, 'X', '{}', 1, true, 1)`),
    ).rejects.toThrow(/foreign key/i);
  });
});
