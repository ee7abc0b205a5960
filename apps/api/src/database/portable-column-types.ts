import { DataSource } from 'typeorm';

/** Column types that mean "an instant" in our entities. */
const INSTANT_TYPES: ReadonlyArray<unknown> = [Date, 'datetime', 'timestamp', 'timestamp without time zone'];

/**
 * Makes one set of entities portable between SQLite and PostgreSQL. SQLite stores an
 * instant as UTC text in a `datetime` column; PostgreSQL has no `datetime` and its
 * `timestamp` default drops the zone, so on PostgreSQL every instant column becomes
 * `timestamp with time zone`. Call before `initialize()` (metadata is built there).
 * TypeORM already converts `Date` values for `datetime` columns on both drivers.
 */
export function usePortableColumnTypes(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'postgres') return dataSource;
  const driver = dataSource.driver;
  const normalize = driver.normalizeType.bind(driver);
  driver.normalizeType = (column: Parameters<typeof driver.normalizeType>[0]) =>
    INSTANT_TYPES.includes(column.type) ? 'timestamp with time zone' : normalize(column);
  return dataSource;
}

