import { mkdirSync, writeFileSync } from 'fs';
import { resolve } from 'path';

/** Repository root (tools/bench is two levels down). */
export const repoRoot = resolve(__dirname, '../..');

/** One timed benchmark: the median over runs of the mean time per operation. */
export interface Timing {
  medianNs: number;
  runsNs: number[];
}

/**
 * Runs `body` once to warm up the JIT, then `runs` times, each run timing `operations`
 * operations done by one call of `body`; returns the median of the per-operation means.
 * `body` returns a number that is kept, so the work cannot be optimised away.
 */
export function timeMedian(opts: { runs: number; operations: number; body: () => number }): Timing {
  let sink = 0;
  sink += opts.body();
  const runsNs: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const start = process.hrtime.bigint();
    sink += opts.body();
    runsNs.push(Number(process.hrtime.bigint() - start) / opts.operations);
  }
  if (Number.isNaN(sink)) throw new Error('benchmark produced NaN');
  return { medianNs: median(runsNs), runsNs };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints rows as an aligned text table (first row is the header). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  rows.forEach((row, i) => {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

/** Writes `bench-results/<name>.json` at the repository root (the folder is gitignored). */
export function writeResult(name: string, result: unknown): string {
  const dir = resolve(repoRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}
