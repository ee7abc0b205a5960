import { inTransaction } from '../../src/database/in-transaction';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { DecisionJournalEntry } from '../../src/modules/strategies/entities/decision-journal-entry.entity';
import { DbDecisionJournal } from '../../src/modules/strategies/runtime/db-decision-journal';
import { DbStrategyStateStore } from '../../src/modules/strategies/runtime/db-strategy-state.store';
import { orderStateOf } from '../../src/modules/strategies/runtime/order-state-of';
import { strangleConfigOf } from '../../src/modules/strategies/runtime/strangle-config-of';
import { StrategyPositionIds } from '../../src/modules/strategies/runtime/strategy-position-ids';
import { TRADING_ACCOUNT_SEEDS } from '../../src/cli/trading-account-seeds';
import { StrategyPositionLink } from '../../src/modules/strategies/entities/strategy-position-link.entity';
import { insertAccount } from '../db/fixtures';
import { createTestDatabase, type TestDatabase } from '../db/test-database';

const row = (status: string, quantity: number, filledQuantity = 0, avgFillPricePaise: number | null = null, statusReason: string | null = null) =>
  ({ status, quantity, filledQuantity, avgFillPricePaise, statusReason, denialCode: null }) as Parameters<typeof orderStateOf>[1][number];

describe('orderStateOf: one strategy order from its gateway slices', () => {
  it('sums fills and weights the average price over slices', () => {
    expect(orderStateOf('k1', [row('FILLED', 1755, 1755, 100_00), row('FILLED', 390, 390, 110_00)])).toEqual({ clientOrderId: 'k1', status: 'FILLED', filledQuantity: 2145, averagePrice: 101.82, reason: undefined });
  });

  it('reports a working order with fills as PARTIALLY_FILLED, and finished-short slices by their common status', () => {
    expect(orderStateOf('k2', [row('FILLED', 1755, 1755, 100_00), row('ACCEPTED', 390)]).status).toBe('PARTIALLY_FILLED');
    expect(orderStateOf('k3', [row('ACCEPTED', 1755), row('SUBMITTED', 390)]).status).toBe('ACCEPTED');
    expect(orderStateOf('k4', [row('REJECTED', 1755, 0, null, 'RMS'), row('REJECTED', 390)])).toMatchObject({ status: 'REJECTED', filledQuantity: 0, reason: 'RMS' });
    expect(orderStateOf('k5', [row('FILLED', 1755, 1755, 100_00), row('REJECTED', 390)]).status).toBe('REJECTED');
    expect(orderStateOf('k6', [row('CANCELED', 1755, 650, 100_00), row('EXPIRED', 390)])).toMatchObject({ status: 'CANCELED', filledQuantity: 650 });
    expect(() => orderStateOf('k7', [])).toThrow(RangeError);
  });
});

describe('strangleConfigOf: stored plan-§3 parameters → strategy configuration', () => {
  const kotak = TRADING_ACCOUNT_SEEDS.find((s) => s.broker === 'KOTAK')!;
  const account = { accountId: 7, allocatedCapitalPaise: kotak.allocatedCapitalPaise, maxMarginUsage: 0.4, firstTradeFraction: 0.5 };

  it('maps the seeded parameters (instrument → underlying, filter thresholds → filters) over the defaults', () => {
    const out = strangleConfigOf({ ...kotak.parameters, targetPct: 60, maxVix: 22, instrument: 'NIFTY', someOldKey: 1 }, account, { legFillTimeoutMs: 90_000 });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.config).toMatchObject({ accountId: '7', underlying: 'NIFTY', targetPct: 60, allocatedCapitalPaise: kotak.allocatedCapitalPaise, maxMarginUsage: 0.4, legFillTimeoutMs: 90_000 });
    expect(out.config.filters.maxVix).toBe(22);
    expect(out.config).not.toHaveProperty('someOldKey');
  });

  it('refuses an invalid stored configuration with the field errors', () => {
    const out = strangleConfigOf({ entryTime: '12:00' }, account);
    expect(out).toEqual({ ok: false, errors: [{ field: 'entryTime', message: 'must lie inside the entry window [start, end)' }] });
  });
});

describe('StrategyPositionIds', () => {
  let db: TestDatabase;
  afterEach(async () => db?.dispose());

  it('treats numeric ids as gateway ids and keeps the strategy ids in the database across a restart', async () => {
    db = await createTestDatabase();
    const dataSource = await db.openMigrated();
    const account = await insertAccount(dataSource);
    const ids = new StrategyPositionIds(dataSource);
    expect(await ids.gatewayIdOf('42')).toBe(42);
    expect(await ids.gatewayIdOf('1-KS-2026-03-11-1')).toBeUndefined();
    await ids.remember(account.id, '1-KS-2026-03-11-1', 9);
    await ids.remember(account.id, '1-KS-2026-03-11-1', 9);
    expect(await ids.gatewayIdOf('1-KS-2026-03-11-1')).toBe(9);
    expect(await ids.gatewayIdOf(undefined)).toBeUndefined();
    // A new process: nothing in memory, the link is read back from the table.
    expect(await new StrategyPositionIds(dataSource).gatewayIdOf('1-KS-2026-03-11-1')).toBe(9);
    expect(await dataSource.getRepository(StrategyPositionLink).count()).toBe(1);
  });
});

describe('the strategy state store, journal and position links on SQLite', () => {
  let db: TestDatabase;
  afterEach(async () => db?.dispose());

  it("commit on their own while another job's transaction rolls back (SQLite has one connection; failed after the merge: the decision and the link were rolled back with the other job, a SKIP went missing)", async () => {
    db = await createTestDatabase();
    const dataSource = await db.openMigrated();
    const account = await insertAccount(dataSource);
    const ids = new StrategyPositionIds(dataSource);
    const store = new DbStrategyStateStore(dataSource, account.id);
    const journal = new DbDecisionJournal(dataSource, new AppEventsBus(), ids);
    let release!: () => void;
    let opened!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const open = new Promise<void>((r) => (opened = r));
    // Another job (a market-data snapshot, a fill) is inside its transaction when the strategy writes; then it fails.
    const other = inTransaction(dataSource, async (m) => {
      await m.update(BrokerAccount, account.id, { deactivationReason: 'other job' });
      opened();
      await held;
      throw new Error('the other job failed');
    });
    await open;
    const writes = Promise.all([
      store.save({ version: 1, lastEntryDate: '2026-03-11', entry: null }),
      journal.record({ kind: 'SKIP', strategy: 'KOTAK_STRANGLE', accountId: String(account.id), decision: 'SKIPPED', reasonCode: 'PREMIUM_TOO_LOW', message: 'test', inputs: {}, occurredAt: 0 }),
      ids.remember(account.id, '1-KS-2026-03-11-1', 9),
    ]);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(other).rejects.toThrow('the other job failed');
    await writes;
    expect((await dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: account.id })).deactivationReason).toBeNull();
    expect(await new DbStrategyStateStore(dataSource, account.id).load()).toEqual({ version: 1, lastEntryDate: '2026-03-11', entry: null });
    expect(await dataSource.getRepository(DecisionJournalEntry).count()).toBe(1);
    expect(await new StrategyPositionIds(dataSource).gatewayIdOf('1-KS-2026-03-11-1')).toBe(9);
  });
});
