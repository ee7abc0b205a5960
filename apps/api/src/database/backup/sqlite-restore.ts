import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** A restore that must not happen; the message says why and what to do. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/**
 * Checks that `file` is a complete mCube SQLite database: SQLite opens it, `integrity_check`
 * is ok and it has the migrations table with at least one migration. Returns how many
 * migrations it has. Throws RestoreError otherwise.
 */
export function checkBackupFile(file: string): number {
  if (!existsSync(file) || !statSync(file).isFile()) throw new RestoreError(`${file}: no such file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreError(`${file}: SQLite cannot open it (${(error as Error).message})`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      throw new RestoreError(`${file}: not a SQLite database (${(error as Error).message})`);
    }
    if (integrity !== 'ok') throw new RestoreError(`${file}: failed SQLite's integrity check (${String(integrity)})`);
    const hasMigrations = db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get() as { n: number };
    const migrations = hasMigrations.n === 0 ? 0 : (db.prepare('SELECT COUNT(*) AS n FROM migrations').get() as { n: number }).n;
    if (migrations === 0) throw new RestoreError(`${file}: a SQLite database but not an mCube one (no migrations recorded)`);
    return migrations;
  } finally {
    db.close();
  }
}

/**
 * Refuses a target some process has open: a WAL or shared-memory file beside it means a live
 * connection (or a crash whose WAL would be replayed over the restored file), and a target
 * that cannot be locked exclusively at once is in use.
 */
export function assertNotLive(target: string): void {
  const live = [`${target}-wal`, `${target}-shm`].filter((f) => existsSync(f));
  if (live.length > 0) {
    throw new RestoreError(
      `${target} looks live (${live.join(', ')} exist): stop the API and every worker first. If none runs, the database was not closed cleanly: start and stop the API once (or run npm run init) so SQLite folds its WAL back, then restore.`,
    );
  }
  if (!existsSync(target)) return;
  const db = new Database(target, { fileMustExist: true, timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (error) {
    throw new RestoreError(`${target} is in use by another process (${(error as Error).message}): stop the API and every worker first`);
  } finally {
    db.close();
  }
}

/**
 * Restores `backup` over the SQLite database at `target`, which no process may have open:
 * checks the backup, refuses a live target, copies the backup with SQLite's backup API to a
 * temporary file beside the target, keeps the current database as
 * `<target>.before-restore-<UTC wall time>` and renames the copy into place. Throws
 * RestoreError with the reason when it refuses; nothing is changed then.
 */
export async function restoreSqlite(backup: string, target: string, at: Date = new Date()): Promise<{ migrations: number; previous?: string }> {
  const migrations = checkBackupFile(backup);
  assertNotLive(target);
  const incoming = `${target}.restoring`;
  rmSync(incoming, { force: true });
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  } finally {
    source.close();
  }
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${at.toISOString().replace(/[-:.]/g, '')}`;
    renameSync(target, previous);
  }
  renameSync(incoming, target);
  return { migrations, previous };
}
