import type { CreateBacktestRequest } from '@mcube/contracts';

/** The run form as typed: parameters one `key=value` a line (as the CLI's `--param`). */
export interface BacktestFormValue {
  from: string;
  to: string;
  dataSource: 'SHARED' | 'SIMULATOR';
  seed: string;
  params: string;
}

/** The request of a form, or the line that is not `key=value`. */
export function backtestRequestOf(f: BacktestFormValue): { request: CreateBacktestRequest } | { error: string } {
  const params: Record<string, string> = {};
  for (const [i, raw] of f.params.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { error: `params: line ${i + 1} is not key=value` };
    params[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  const request: CreateBacktestRequest = { strategy: 'kotak-strangle', from: f.from, to: f.to, dataSource: f.dataSource, params };
  if (f.dataSource === 'SIMULATOR') request.seed = Number(f.seed);
  return { request };
}
