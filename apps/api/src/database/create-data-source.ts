import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { usePortableColumnTypes } from './portable-column-types';

/**
 * A DataSource (not yet initialized) for the given options, with the portable column types
 * applied and, for SQLite, the database directory created. Every data source of mCube
 * (API, scripts, tests) is made here.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  if ((options.type === 'better-sqlite3' || options.type === 'sqlite') && options.database !== ':memory:') {
    mkdirSync(dirname(String(options.database)), { recursive: true });
  }
  return usePortableColumnTypes(new DataSource(options));
}
