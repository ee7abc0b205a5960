import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { gunzipSync } from 'zlib';

/**
 * The third-party market history used by tests and benchmarks, read in place and never
 * copied into the repository (DECISIONS.md §5). `MCUBE_SHARED_DATA` overrides the folder;
 * by default it is `../shared/data` beside the repository.
 */
export const sharedDataDir = resolve(process.env.MCUBE_SHARED_DATA ?? resolve(__dirname, '../../../shared/data'));

/** Absolute path of a file under the shared data folder; throws a clear error if absent. */
export function sharedDataPath(relative: string): string {
  const full = resolve(sharedDataDir, relative);
  if (!existsSync(full)) {
    throw new Error(`shared market data not found: ${full} (set MCUBE_SHARED_DATA to the data folder)`);
  }
  return full;
}

/** Reads a CSV (optionally .gz) from the shared data folder into header-keyed rows. */
export function readSharedCsv(relative: string): Record<string, string>[] {
  const buf = readFileSync(sharedDataPath(relative));
  const text = (relative.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = (cells[i] ?? '').trim()));
    return row;
  });
}
