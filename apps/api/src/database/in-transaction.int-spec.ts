import type { DataSource } from 'typeorm';
import { insertAccount } from '../../test/db/fixtures';
import { createTestDatabase, TEST_DIALECTS, TestDatabase } from '../../test/db/test-database';
import { DecisionJournalEntry } from '../modules/strategies/entities/decision-journal-entry.entity';
import { inTransaction } from './in-transaction';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe.each(TEST_DIALECTS)('inTransaction on %s', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let accountId: number;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataSource = await db.openMigrated();
    accountId = (await insertAccount(dataSource)).id;
  });
  afterAll(() => db.dispose());

  const entry = (decision: string) => ({ accountId, strategyType: 'WEEKLY_NIFTY_STRANGLE' as const, kind: 'SKIP' as const, decision, reason: 'test', inputs: {}, occurredAt: new Date('2024-01-02T04:30:00Z') });

  it('keeps concurrent transactions apart: one failing does not undo the other', async () => {
    const committed = inTransaction(dataSource, async (m) => {
      await tick();
      await m.insert(DecisionJournalEntry, entry('KEEP-1'));
      await tick();
      await tick();
      await m.insert(DecisionJournalEntry, entry('KEEP-2'));
    });
    const failed = inTransaction(dataSource, async (m) => {
      await m.insert(DecisionJournalEntry, entry('DROP-1'));
      await tick();
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await committed;
    const decisions = (await dataSource.getRepository(DecisionJournalEntry).find({ order: { id: 'ASC' } })).map((e) => e.decision);
    expect(decisions).toEqual(['KEEP-1', 'KEEP-2']);
  });

  it('still runs later transactions after one has failed', async () => {
    await expect(inTransaction(dataSource, async () => Promise.reject(new Error('first fails')))).rejects.toThrow('first fails');
    await expect(inTransaction(dataSource, async (m) => m.countBy(DecisionJournalEntry, { accountId }))).resolves.toBeGreaterThanOrEqual(0);
  });
});
