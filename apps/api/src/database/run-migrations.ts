import type { DataSource, Migration } from 'typeorm';

/**
 * Applies every pending migration, each in its own transaction. TypeORM switches SQLite's
 * foreign keys off while migrating (its table-rebuild procedure needs that), so nothing
 * would notice a migration leaving orphan rows: on SQLite this runs `foreign_key_check`
 * afterwards and throws if it finds any.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  await assertSqliteForeignKeys(dataSource);
  return applied;
}

/** Reverts the latest applied migration, with the same check as `runMigrations`. */
export async function undoLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: 'each' });
  await assertSqliteForeignKeys(dataSource);
}

async function assertSqliteForeignKeys(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3' && dataSource.options.type !== 'sqlite') return;
  const violations: unknown[] = await dataSource.query('PRAGMA foreign_key_check');
  if (violations.length > 0) {
    throw new Error(`Migrations left ${violations.length} foreign key violation(s), e.g. ${JSON.stringify(violations.slice(0, 3))}`);
  }
}
