import { fork } from 'node:child_process';
import { extname, join, resolve } from 'node:path';
import type { BacktestChildMessage, BacktestChildRequest, DataBounds } from './backtest-child.protocol';

/** How a child run ended. */
export type BacktestProcessResult = { ok: true; reportJson: string } | { ok: true; bounds: DataBounds; reportJson?: undefined } | { ok: false; message: string; input: boolean; field?: string };

/** Progress of a child run: days done of all, and the last simulated date. */
export type BacktestProgress = (done: number, total: number, date: string) => void;

/**
 * Runs one backtest in a forked Node process (`backtest-child`), so the API's event loop stays
 * free while the engine works (a ten-year run is seconds of CPU; the report is built there too).
 * The compiled API forks the compiled `.js`; under the test runner the `.ts` source is forked
 * with @swc-node/register and the API's tsconfig (its `@mcube/*` paths).
 */
export function runBacktestProcess(request: BacktestChildRequest, onProgress: BacktestProgress, opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<BacktestProcessResult> {
  const ext = extname(__filename);
  const script = join(__dirname, `backtest-child${ext}`);
  const execArgv = ext === '.ts' ? ['-r', '@swc-node/register'] : [];
  const env = ext === '.ts' ? { ...process.env, SWC_NODE_PROJECT: resolve(__dirname, '../../../../tsconfig.app.json') } : process.env;
  return new Promise((done) => {
    const child = fork(script, [], { execArgv, env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let result: BacktestProcessResult | undefined;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    const abort = () => child.kill('SIGKILL');
    if (opts.signal?.aborted) abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    child.on('message', (m: BacktestChildMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total, m.date);
      else if (m.type === 'report') result = { ok: true, reportJson: m.reportJson };
      else if (m.type === 'bounds') result = { ok: true, bounds: m.bounds };
      else result = { ok: false, message: m.message, input: m.input, field: m.field };
    });
    child.on('error', (error) => (result ??= { ok: false, message: `backtest process failed to start: ${error.message}`, input: false }));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', abort);
      if (opts.signal?.aborted && !result) return done({ ok: false, message: 'interrupted: the API shut down during the run', input: false });
      done(result ?? { ok: false, message: `backtest process ended (${signal ?? `exit ${code}`}) without a report${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`, input: false });
    });
    child.send(request);
  });
}
