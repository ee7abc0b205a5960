import type { DataSourceOptions, LoggerOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { BigintNumberSubscriber } from './columns/bigint-number.subscriber';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** How long a SQLite writer waits for another writer's lock before failing, ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Tuning that is not part of `AppConfig`. */
export interface DataSourceTuning {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  logging?: LoggerOptions;
}

/**
 * The TypeORM options for the configured database. Always `synchronize: false`: the schema
 * only ever changes through the generated migrations of the dialect. SQLite runs in WAL
 * mode with `synchronous=FULL` (the order journal must survive a power cut), foreign keys
 * on and a busy timeout; PostgreSQL uses a pool.
 */
export function buildDataSourceOptions(database: AppConfig['database'], tuning: DataSourceTuning = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    subscribers: [BigintNumberSubscriber],
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Migrations are applied by `runMigrations` (see run-migrations.ts), never implicitly.
    migrationsRun: false,
    migrationsTableName: 'migrations',
    // Each migration commits on its own, so a failure leaves the earlier ones applied.
    migrationsTransactionMode: 'each' as const,
    logging: tuning.logging ?? (['error', 'warn', 'migration'] as LoggerOptions),
  };
  if (database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      migrations: POSTGRES_MIGRATIONS,
      // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
      uuidExtension: 'pgcrypto',
      extra: { max: tuning.poolSize ?? 10 },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    },
  };
}
