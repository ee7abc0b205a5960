import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts rows, or overwrites `updateColumns` of the row with the same `conflictColumns` (a
 * unique constraint), on SQLite and PostgreSQL. Unlike `manager.upsert`, it does not read
 * generated ids back into the rows (that fails on SQLite when every row was an update).
 */
export async function upsertRows<T extends ObjectLiteral>(opts: {
  manager: EntityManager;
  entity: EntityTarget<T>;
  rows: Partial<T>[];
  conflictColumns: (keyof T & string)[];
  updateColumns: (keyof T & string)[];
}): Promise<void> {
  if (opts.rows.length === 0) return;
  const meta = opts.manager.connection.getMetadata(opts.entity);
  const dbName = (p: string) => {
    const col = meta.findColumnWithPropertyName(p);
    if (!col) throw new Error(`${meta.name} has no column ${p}`);
    return col.databaseName;
  };
  await opts.manager
    .createQueryBuilder()
    .insert()
    .into(opts.entity)
    .values(opts.rows as never)
    .orUpdate(opts.updateColumns.map(dbName), opts.conflictColumns.map(dbName))
    .updateEntity(false)
    .execute();
}
