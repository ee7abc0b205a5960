import type { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction. On SQLite, TypeORM gives every caller the same
 * single connection, so two concurrent `dataSource.transaction()` calls would nest as
 * savepoints of each other (one's rollback could undo the other's writes): here they are
 * queued, one after the other, per data source. PostgreSQL transactions run concurrently on
 * pooled connections. Use this for every multi-statement write (order journal, fills).
 * Never call it again inside `work` (on SQLite it would wait for itself): pass `manager` on.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3' && dataSource.options.type !== 'sqlite') {
    return dataSource.transaction(work);
  }
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
