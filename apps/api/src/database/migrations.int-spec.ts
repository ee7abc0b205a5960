import type { DataSource } from 'typeorm';
import { createTestDatabase, TEST_DIALECTS, TestDatabase } from '../../test/db/test-database';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { runMigrations, undoLastMigration } from './run-migrations';

/** User tables (not the migrations bookkeeping) currently in the database. */
async function userTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name).filter((n) => n !== 'migrations').sort();
}

/** [table, column, declared type] of every column in the database. */
async function columnTypes(dataSource: DataSource): Promise<Array<[string, string, string]>> {
  if (dataSource.options.type === 'postgres') {
    const rows: Array<{ t: string; c: string; d: string }> = await dataSource.query(
      `SELECT table_name AS t, column_name AS c, data_type AS d FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    return rows.map((r) => [r.t, r.c, r.d]);
  }
  const out: Array<[string, string, string]> = [];
  for (const table of await userTables(dataSource)) {
    const cols: Array<{ name: string; type: string }> = await dataSource.query(`PRAGMA table_info("${table}")`);
    for (const col of cols) out.push([table, col.name, col.type.toLowerCase()]);
  }
  return out;
}

describe.each(TEST_DIALECTS)('migrations on %s', (dialect) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const expectedCount = dialect === 'postgres' ? POSTGRES_MIGRATIONS.length : SQLITE_MIGRATIONS.length;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dataSource = await db.open();
  });
  afterAll(() => db.dispose());

  it('runs every migration up, every down back to an empty schema, and up again', async () => {
    expect(expectedCount).toBeGreaterThan(0);
    const applied = await runMigrations(dataSource);
    expect(applied).toHaveLength(expectedCount);
    const tablesAfterUp = await userTables(dataSource);
    expect(tablesAfterUp).toEqual(expect.arrayContaining(['broker_accounts', 'positions', 'orders', 'order_events', 'executions', 'decision_journal', 'users']));

    for (let i = 0; i < expectedCount; i++) await undoLastMigration(dataSource);
    expect(await userTables(dataSource)).toEqual([]);

    expect(await runMigrations(dataSource)).toHaveLength(expectedCount);
    expect(await userTables(dataSource)).toEqual(tablesAfterUp);
  });

  it('leaves no difference between the entities and the migrated schema', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('stores every paise amount as an integer column, never REAL or decimal', async () => {
    const money = (await columnTypes(dataSource)).filter(([, column]) => column.endsWith('_paise'));
    expect(money.length).toBeGreaterThan(20);
    for (const [table, column, type] of money) expect(`${table}.${column} ${type}`).toBe(`${table}.${column} bigint`);
  });

  it('stores instants with their zone on PostgreSQL and as UTC datetime text on SQLite', async () => {
    const types = await columnTypes(dataSource);
    const instants = types.filter(([, column]) => /_at$/.test(column));
    expect(instants.length).toBeGreaterThan(20);
    const expected = dialect === 'postgres' ? 'timestamp with time zone' : 'datetime';
    for (const [table, column, type] of instants) expect(`${table}.${column} ${type}`).toBe(`${table}.${column} ${expected}`);
  });
});
