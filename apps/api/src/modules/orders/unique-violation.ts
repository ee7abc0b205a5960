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
