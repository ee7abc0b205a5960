import { ORDER_CLIENT_ID_UNIQUE } from './entities/order.entity';

/** True when `error` is a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE); `constraint` narrows it to one index on PostgreSQL, and by name in the SQLite message. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; driverError?: { code?: string; constraint?: string; message?: string } };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  if (constraint === undefined) return true;
  const pgName = e?.driverError?.constraint ?? e?.constraint;
  // SQLite names the columns, not the index: accept any unique violation there.
  return pgName === undefined || pgName === constraint;
}

/**
 * True when `error` is the unique violation of an order's clientOrderId (the same intent id
 * journaled twice): on PostgreSQL by the constraint's name, on SQLite by the column its message
 * names ("UNIQUE constraint failed: orders.client_order_id"). Tells a duplicate intent apart
 * from the one-active-position index when both are written in one commit.
 */
export function isDuplicateClientOrderId(error: unknown): boolean {
  if (!isUniqueViolation(error, ORDER_CLIENT_ID_UNIQUE)) return false;
  const e = error as { message?: string; driverError?: { constraint?: string; message?: string } };
  if ((e?.driverError?.constraint ?? (e as { constraint?: string })?.constraint) === ORDER_CLIENT_ID_UNIQUE) return true;
  return (e?.driverError?.message ?? e?.message ?? '').includes('orders.client_order_id');
}
