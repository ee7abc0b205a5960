import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { insertAccount, positionFor } from '../../../../test/db/fixtures';
import { createTestDatabase, isUniqueViolation, TEST_DIALECTS, TestDatabase } from '../../../../test/db/test-database';
import { ONE_ACTIVE_POSITION_INDEX, Position } from './position.entity';

const RACERS = 24;

type Outcome = { ok: true } | { ok: false; error: unknown };

function settle(work: Promise<unknown>): Promise<Outcome> {
  return work.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

describe.each(TEST_DIALECTS)('the one-position rule in the %s schema', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  /** One entity manager per separate database connection. */
  let managers: EntityManager[];
  const runners: QueryRunner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataSource = await db.openMigrated({ poolSize: RACERS + 2 });
    if (dialect === 'postgres') {
      // Separate pooled connections, all connected before the race starts.
      for (let i = 0; i < RACERS; i++) {
        const runner = dataSource.createQueryRunner();
        await runner.connect();
        runners.push(runner);
      }
      managers = runners.map((r) => r.manager);
    } else {
      // SQLite: separate connections are separate data sources on the same file.
      const others = await Promise.all(Array.from({ length: RACERS }, () => db.open()));
      managers = others.map((d) => d.manager);
    }
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.release()));
    await db.dispose();
  });

  it(`lets exactly one of ${RACERS} concurrent ACTIVE inserts for one account succeed`, async () => {
    const account = await insertAccount(dataSource);
    const outcomes = await Promise.all(managers.map((m) => settle(m.insert(Position, positionFor(account.id)))));

    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const failures = outcomes.filter((o): o is { ok: false; error: unknown } => !o.ok);
    expect(failures).toHaveLength(RACERS - 1);
    for (const f of failures) expect(isUniqueViolation(f.error)).toBe(true);
    expect(await dataSource.getRepository(Position).countBy({ accountId: account.id, status: 'ACTIVE' })).toBe(1);
  });

  it('names the partial unique index in the violation, so callers can map it to ACTIVE_POSITION_EXISTS', async () => {
    const account = await insertAccount(dataSource);
    await dataSource.getRepository(Position).insert(positionFor(account.id));
    const error = await settle(dataSource.getRepository(Position).insert(positionFor(account.id)));
    expect(error.ok).toBe(false);
    const message = String((error as { error: unknown }).error);
    // PostgreSQL names the index; SQLite names the indexed column of the partial index.
    expect(message).toMatch(dialect === 'postgres' ? new RegExp(ONE_ACTIVE_POSITION_INDEX) : /UNIQUE constraint failed: positions\.account_id/);
  });

  it('allows a new ACTIVE position once the previous one is CLOSED, and any number of CLOSED ones', async () => {
    const account = await insertAccount(dataSource);
    const repo = dataSource.getRepository(Position);
    const first = await repo.save(positionFor(account.id));
    await repo.update({ id: first.id }, { status: 'CLOSED', closedAt: new Date('2024-01-04T09:45:00Z') });
    await repo.insert(positionFor(account.id, { status: 'CLOSED', closedAt: new Date('2024-01-05T09:45:00Z') }));
    await repo.insert(positionFor(account.id));

    expect(await repo.countBy({ accountId: account.id, status: 'CLOSED' })).toBe(2);
    expect(await repo.countBy({ accountId: account.id, status: 'ACTIVE' })).toBe(1);
  });

  it('keeps accounts independent: each may hold its own ACTIVE position', async () => {
    const kotak = await insertAccount(dataSource);
    const icici = await insertAccount(dataSource, { broker: 'ICICI' });
    const repo = dataSource.getRepository(Position);
    await repo.insert(positionFor(kotak.id));
    await repo.insert(positionFor(icici.id, { strategyType: 'LLM_VALIDATED_FUTURES', direction: 'LONG', underlying: 'RELIANCE' }));
    expect(await repo.countBy({ status: 'ACTIVE', accountId: kotak.id })).toBe(1);
    expect(await repo.countBy({ status: 'ACTIVE', accountId: icici.id })).toBe(1);
  });

  it('refuses re-activating a CLOSED position while another is ACTIVE', async () => {
    const account = await insertAccount(dataSource);
    const repo = dataSource.getRepository(Position);
    const old = await repo.save(positionFor(account.id, { status: 'CLOSED' }));
    await repo.insert(positionFor(account.id));
    const outcome = await settle(repo.update({ id: old.id }, { status: 'ACTIVE' }));
    expect(outcome.ok).toBe(false);
    expect(isUniqueViolation((outcome as { error: unknown }).error)).toBe(true);
  });

  if (dialect === 'postgres') {
    it('stops racing check-then-insert transactions that each saw no active position', async () => {
      const account = await insertAccount(dataSource);
      // Every transaction checks first (the application-level rule), waits until all have
      // checked, then inserts: only the database constraint can stop the late ones.
      let checked = 0;
      let releaseAll!: () => void;
      const allChecked = new Promise<void>((resolve) => (releaseAll = resolve));
      const outcomes = await Promise.all(
        runners.map(async (runner) =>
          settle(
            (async () => {
              await runner.startTransaction('READ COMMITTED');
              try {
                const active = await runner.manager.countBy(Position, { accountId: account.id, status: 'ACTIVE' });
                if (++checked === runners.length) releaseAll();
                await allChecked;
                if (active > 0) throw new Error('application check: already active');
                await runner.manager.insert(Position, positionFor(account.id));
                await runner.commitTransaction();
              } catch (error) {
                await runner.rollbackTransaction();
                throw error;
              }
            })(),
          ),
        ),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      for (const o of outcomes) if (!o.ok) expect(isUniqueViolation(o.error)).toBe(true);
      expect(await dataSource.getRepository(Position).countBy({ accountId: account.id, status: 'ACTIVE' })).toBe(1);
    });
  }
});
