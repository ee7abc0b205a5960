import { existsSync } from 'node:fs';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createTestDatabase, TEST_DIALECTS, TestDatabase } from '../../test/db/test-database';
import { ConfigModule } from '../config/config.module';
import { loadConfig } from '../config/load-config';
import { SQLITE_BUSY_TIMEOUT_MS } from './data-source-options';
import { DatabaseModule } from './database.module';

describe.each(TEST_DIALECTS)('DatabaseModule on %s', (dialect) => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    const env = db.database.type === 'postgres' ? { DATABASE_URL: db.database.url } : { SQLITE_PATH: db.database.path };
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(loadConfig(env)), DatabaseModule.forRoot()] }).compile();
    await moduleRef.init();
    dataSource = moduleRef.get(DataSource);
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db.dispose();
  });

  it('connects to the configured database and applies pending migrations at boot', async () => {
    expect(dataSource.isInitialized).toBe(true);
    expect(dataSource.options.type).toBe(dialect === 'postgres' ? 'postgres' : 'better-sqlite3');
    expect(dataSource.options.synchronize).toBe(false);
    expect(await dataSource.showMigrations()).toBe(false);
    expect(await dataSource.query('SELECT count(*) AS n FROM broker_accounts')).toEqual([{ n: dialect === 'postgres' ? '0' : 0 }]);
  });

  if (dialect === 'sqlite') {
    it('creates the SQLite file and its missing directory', () => {
      expect(db.database.type === 'sqlite' && existsSync(db.database.path)).toBe(true);
    });

    it('sets WAL, synchronous=FULL, foreign keys and the busy timeout on the SQLite connection', async () => {
      const pragma = async (name: string) => Object.values((await dataSource.query(`PRAGMA ${name}`))[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // 2 = FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(SQLITE_BUSY_TIMEOUT_MS);
    });
  }
});
