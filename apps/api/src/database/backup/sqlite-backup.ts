import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The live better-sqlite3 connection behind a TypeORM data source (the online backup API is on it). */
export interface BackupSource {
  backup(destination: string): Promise<unknown>;
}

/** Backups are `mcube-<UTC wall time>.sqlite`, so their names sort by age. */
const BACKUP_NAME = /^mcube-\d{8}T\d{6,9}Z\.sqlite$/;

/** `mcube-20261202T071500123Z.sqlite` for the wall-clock instant `at`. */
export function backupFileName(at: Date): string {
  return `mcube-${at.toISOString().replace(/[-:.]/g, '')}.sqlite`;
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * One online backup of a live SQLite database with SQLite's backup API (better-sqlite3's
 * `backup`, page by page while the API keeps writing; never a file copy, which could catch a
 * torn page or miss the WAL), into `dir` under a `.partial` name renamed once complete and
 * checked (`PRAGMA quick_check`), then the oldest backups beyond `keep` deleted.
 * Returns the new file and the deleted ones. Throws when the backup or its check fails
 * (the partial file is removed).
 */
export async function backupSqlite(source: BackupSource, dir: string, keep: number, at: Date): Promise<{ file: string; deleted: string[] }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, backupFileName(at));
  const partial = `${file}.partial`;
  try {
    await source.backup(partial);
    const check = new Database(partial, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`backup failed its integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const all = listBackups(dir);
  const deleted = all.slice(0, Math.max(0, all.length - keep));
  for (const old of deleted) rmSync(old, { force: true });
  return { file, deleted };
}
