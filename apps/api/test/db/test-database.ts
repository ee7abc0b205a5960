import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/create-data-source';
import { buildDataSourceOptions, DataSourceTuning } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/run-migrations';
import { POSTGRES_MIGRATIONS } from '../../src/database/migrations/postgres';
import { createScratchPostgresDatabase, DEFAULT_POSTGRES_ADMIN_URL, postgresDatabaseExists, renamePostgresDatabase } from '../../src/database/scratch-postgres-database';

/** The two databases every persistence test runs on. */
export type TestDialect = 'sqlite' | 'postgres';

/**
 * The database of this test pass: `TEST_DATABASE=postgres` (the PostgreSQL pass of
 * `tools/scripts/test.sh --postgres`) runs every suite that does not name a dialect on
 * PostgreSQL; SQLite otherwise.
 */
export const TEST_DIALECT: TestDialect = testDialectOf(process.env['TEST_DATABASE']);

/**
 * Use with `describe.each(TEST_DIALECTS)`: both databases in the default pass; only
 * PostgreSQL in the PostgreSQL pass (the SQLite half already ran in the default pass).
 */
export const TEST_DIALECTS: readonly TestDialect[] = TEST_DIALECT === 'postgres' ? ['postgres'] : ['sqlite', 'postgres'];

function testDialectOf(value: string | undefined): TestDialect {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`TEST_DATABASE must be sqlite or postgres, not ${value}`);
}

/**
 * A fresh, empty database for one suite: a temp-file SQLite database, or a uniquely named
 * PostgreSQL database on `TEST_POSTGRES_ADMIN_URL` (default postgres@127.0.0.1:5432).
 * `open()` gives initialized data sources on it (several may be open at once);
 * `dispose()` closes them all and deletes the database.
 */
export interface TestDatabase {
  readonly dialect: TestDialect;
  readonly database: AppConfig['database'];
  open(tuning?: DataSourceTuning): Promise<DataSource>;
  /** Opens a data source and applies every migration. */
  openMigrated(tuning?: DataSourceTuning): Promise<DataSource>;
  dispose(): Promise<void>;
}

/** Options of `createTestDatabase`. */
export interface TestDatabaseOptions {
  /**
   * The suite only ever opens it migrated (`openMigrated`): on PostgreSQL it is then cloned from
   * a template database already on the latest migrations (`CREATE DATABASE … TEMPLATE`, about
   * a second instead of running every migration); `openMigrated` still runs `runMigrations`,
   * which finds nothing pending. No effect on SQLite.
   */
  migrated?: boolean;
}

/** Creates the database of `dialect` (this pass's one unless told); nothing is migrated yet unless `opts.migrated`. */
export async function createTestDatabase(dialect: TestDialect = TEST_DIALECT, opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  let database: AppConfig['database'];
  let remove: () => Promise<void>;
  if (dialect === 'postgres' && opts.migrated) {
    const adminUrl = process.env['TEST_POSTGRES_ADMIN_URL'] ?? DEFAULT_POSTGRES_ADMIN_URL;
    const scratch = await createScratchPostgresDatabase(adminUrl, 'mcube_test', { template: await migratedTemplate(adminUrl) });
    database = { type: 'postgres', url: scratch.url };
    remove = () => scratch.drop();
  } else if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mcube-test-'));
    database = { type: 'sqlite', path: join(dir, 'nested', 'mcube.sqlite') };
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const scratch = await createScratchPostgresDatabase(process.env['TEST_POSTGRES_ADMIN_URL'] ?? DEFAULT_POSTGRES_ADMIN_URL, 'mcube_test');
    database = { type: 'postgres', url: scratch.url };
    remove = () => scratch.drop();
  }
  const opened: DataSource[] = [];
  const open = async (tuning: DataSourceTuning = {}) => {
    const dataSource = createDataSource(buildDataSourceOptions(database, { logging: false, ...tuning }));
    await dataSource.initialize();
    opened.push(dataSource);
    return dataSource;
  };
  return {
    dialect,
    database,
    open,
    openMigrated: async (tuning) => {
      const dataSource = await open(tuning);
      await runMigrations(dataSource);
      return dataSource;
    },
    dispose: async () => {
      await Promise.all(opened.filter((d) => d.isInitialized).map((d) => d.destroy()));
      await remove();
    },
  };
}

let template: Promise<string> | undefined;

/**
 * The name of a PostgreSQL database on the latest migrations, kept on the test server as a
 * template (one per set of migrations: the name carries their hash, so a new migration makes a
 * new one). Built once per process: migrated under a temporary name, then renamed (a rename
 * another process won is dropped, theirs is used).
 */
function migratedTemplate(adminUrl: string): Promise<string> {
  template ??= (async () => {
    const name = `mcube_tpl_${createHash('sha256').update(POSTGRES_MIGRATIONS.map((m) => m.name).join(',')).digest('hex').slice(0, 16)}`;
    if (await postgresDatabaseExists(adminUrl, name)) return name;
    const build = await createScratchPostgresDatabase(adminUrl, 'mcube_tplbuild');
    const dataSource = createDataSource(buildDataSourceOptions({ type: 'postgres', url: build.url }, { logging: false }));
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    try {
      await renamePostgresDatabase(adminUrl, build.name, name);
    } catch (error) {
      await build.drop();
      if (!(await postgresDatabaseExists(adminUrl, name))) throw error;
    }
    return name;
  })();
  return template;
}

/** The environment that points the app at `database`. */
export function databaseEnv(database: AppConfig['database']): Record<string, string> {
  return database.type === 'sqlite' ? { SQLITE_PATH: database.path } : { DATABASE_URL: database.url };
}

/** True when `error` is a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
