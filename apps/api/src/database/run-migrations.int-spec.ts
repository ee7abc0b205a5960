import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { insertAccount } from '../../test/db/fixtures';
import { createTestDatabase, TestDatabase } from '../../test/db/test-database';
import { StrategyConfig } from '../modules/strategies/entities/strategy-config.entity';
import { createDataSource } from './create-data-source';
import { buildDataSourceOptions } from './data-source-options';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { runMigrations } from './run-migrations';

/** Rebuilds broker_accounts the way TypeORM alters a SQLite table: copy, drop, rename. */
class RebuildBrokerAccounts9999999999999 implements MigrationInterface {
  name = 'RebuildBrokerAccounts9999999999999';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ sql }]: Array<{ sql: string }> = await queryRunner.query(`SELECT sql FROM sqlite_master WHERE name = 'broker_accounts'`);
    await queryRunner.query(sql.replace('"broker_accounts"', '"temporary_broker_accounts"'));
    await queryRunner.query(`INSERT INTO "temporary_broker_accounts" SELECT * FROM "broker_accounts"`);
    await queryRunner.query(`DROP TABLE "broker_accounts"`);
    await queryRunner.query(`ALTER TABLE "temporary_broker_accounts" RENAME TO "broker_accounts"`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the table is the same.
  }
}

describe('runMigrations on SQLite', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(() => db.dispose());

  async function seededWithRebuildPending(): Promise<DataSource> {
    const base = await db.openMigrated();
    const account = await insertAccount(base);
    await base.getRepository(StrategyConfig).insert({ accountId: account.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true, parameters: { targetPct: 70 } });
    await base.destroy();
    const dataSource = createDataSource({ ...buildDataSourceOptions(db.database, { logging: false }), migrations: [...SQLITE_MIGRATIONS, RebuildBrokerAccounts9999999999999] });
    return dataSource.initialize();
  }

  it('keeps child rows (ON DELETE CASCADE) when a migration rebuilds their parent table', async () => {
    const dataSource = await seededWithRebuildPending();
    try {
      expect(await runMigrations(dataSource)).toHaveLength(1);
      expect(await dataSource.getRepository(StrategyConfig).count()).toBe(1);
      expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses a migration that leaves orphan rows behind', async () => {
    class InsertOrphan9999999999998 implements MigrationInterface {
      name = 'InsertOrphan9999999999998';
      async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`INSERT INTO strategy_configs (account_id, strategy_type, parameters, version, is_active, parameters_schema_version) VALUES (424242, 'X', '{}', 1, 1, 1)`);
      }
      async down(): Promise<void> {
        // test only
      }
    }
    const dataSource = await createDataSource({ ...buildDataSourceOptions(db.database, { logging: false }), migrations: [...SQLITE_MIGRATIONS, InsertOrphan9999999999998] }).initialize();
    try {
      await expect(runMigrations(dataSource)).rejects.toThrow(/foreign key violation/);
    } finally {
      await dataSource.destroy();
    }
  });
});
