// The only module of @mcube/market-sim that touches the file system (DECISIONS.md §5: the
// replay reads a data folder in place; nothing is copied into the repository).
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { gunzipSync } from 'zlib';

/** One CSV row keyed by its trimmed header names; cells trimmed. */
export type CsvRow = Readonly<Record<string, string>>;

/** Absolute path of `relative` inside `folder`. */
export function dataPath(folder: string, relative: string): string {
  return resolve(folder, relative);
}

/** true when the file exists. */
export function dataFileExists(folder: string, relative: string): boolean {
  return existsSync(dataPath(folder, relative));
}

/**
 * Reads a CSV (gunzipped when the name ends in .gz) into rows. Plain comma-separated, no quoted
 * commas (the shared-data layout has none). Throws the file system's error when it is missing.
 */
export function readCsvFile(folder: string, relative: string): CsvRow[] {
  const buffer = readFileSync(dataPath(folder, relative));
  const text = (relative.endsWith('.gz') ? gunzipSync(buffer) : buffer).toString('utf8');
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const rows: CsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',');
    const row: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) row[header[c]] = (cells[c] ?? '').trim();
    rows.push(row);
  }
  return rows;
}

/**
 * The default data folder: `../shared/data` beside the repository (found from this file or
 * the working directory), when it exists; otherwise null.
 */
export function findDefaultDataFolder(): string | null {
  const candidates = [resolve(__dirname, '../../../../../../shared/data'), resolve(process.cwd(), '../shared/data')];
  return candidates.find((c) => existsSync(resolve(c, 'README.md')) || existsSync(resolve(c, 'nifty50_daily'))) ?? null;
}
