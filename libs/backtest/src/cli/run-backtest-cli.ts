import { createDefaultNseCalendar, DomainError, formatPaise } from '@mcube/domain';
import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { BacktestInputError } from '../backtest-input-error';
import { MarketHistory } from '../data/market-history';
import { simulatedHistory } from '../data/simulated-history';
import { runBacktest, type BacktestRunInput } from '../engine/backtest-engine';
import { buildReport } from '../report/build-report';
import { htmlReport } from '../report/html-report';
import type { BacktestReport } from '../report/report.types';
import { assertStrategyName, kotakStrangleFactory } from '../strategy/kotak-strangle.adapter';
import { lookaheadCheck, lookaheadCuts, type LookaheadResult } from '../trust/lookahead-check';
import { parseBacktestArgs, USAGE } from './parse-args';
import { resolveParameters } from './backtest-parameters';
import { ProgressBar } from './progress-bar';
import { checkCoverage, checkRunRange } from './run-range';

/** Where the CLI writes and what it knows of its terminal. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The data folder when --data is absent: MCUBE_SHARED_DATA, else the nearest `shared/data`
 * beside the working directory or this repository or one of their parents (`../shared/data`
 * for a clone next to it; a worktree one level deeper still finds it).
 */
export function defaultDataFolder(io: Pick<CliIo, 'env' | 'cwd'>): string {
  if (io.env.MCUBE_SHARED_DATA) return resolve(io.env.MCUBE_SHARED_DATA);
  for (const start of [io.cwd, resolve(__dirname, '../../../..')]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = resolve(dir, 'shared/data');
      if (existsSync(resolve(candidate, 'nifty50_daily'))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  return resolve(io.cwd, '../shared/data');
}

function assertWritable(flag: string, file: string, cwd: string): string {
  const full = resolve(cwd, file);
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BacktestInputError('BAD_ARGUMENT', `${flag} ${file}: folder ${dir} does not exist`);
  if (existsSync(full) && statSync(full).isDirectory()) throw new BacktestInputError('BAD_ARGUMENT', `${flag} ${file} is a folder`);
  return full;
}

/** Writes every file or none: each to a temporary name first, then renamed into place. */
function writeAll(files: readonly (readonly [string, string])[]): void {
  const temps = files.map(([path]) => `${path}.tmp-${process.pid}`);
  try {
    files.forEach(([, text], i) => writeFileSync(temps[i], text));
    files.forEach(([path], i) => renameSync(temps[i], path));
  } finally {
    for (const t of temps) if (existsSync(t)) unlinkSync(t);
  }
}

/** Validates everything before anything runs. Throws BacktestInputError (or DomainError from a rule) for bad input. */
async function prepare(argv: readonly string[], io: CliIo) {
  const opts = parseBacktestArgs(argv);
  if (opts.help) return { help: true as const };
  try {
    assertStrategyName(opts.strategy);
  } catch (e) {
    throw new BacktestInputError('BAD_ARGUMENT', (e as Error).message);
  }
  const params = resolveParameters(opts.params);
  const out = assertWritable('--out', opts.out, io.cwd);
  const html = opts.html ? assertWritable('--html', opts.html, io.cwd) : undefined;
  if (html === out) throw new BacktestInputError('BAD_ARGUMENT', '--html and --out name the same file');
  const calendar = createDefaultNseCalendar();
  checkCoverage(opts.from, opts.to);
  const history = opts.sim !== undefined ? await simulatedHistory({ seed: opts.sim, from: opts.from, to: opts.to, calendar }) : MarketHistory.load(opts.data ? resolve(io.cwd, opts.data) : defaultDataFolder(io), calendar);
  checkRunRange(history, opts.from, opts.to);
  const { factory } = kotakStrangleFactory(params.strategy);
  const input: BacktestRunInput = { history, calendar, from: opts.from, to: opts.to, strategy: factory, params: params.engine };
  return { help: false as const, opts, out, html, input, given: params.given };
}

/**
 * `npm run backtest`: parses and validates every argument, the parameters, the data folder's
 * layout and the date range BEFORE running (any problem: one clear error line, exit 2, nothing
 * written); runs with a progress bar on a terminal; writes report.json (and --html) atomically;
 * prints a one-line summary. With --lookahead-check it reruns to earlier ends and exits 1 on a
 * difference, naming it. Returns the exit code.
 */
export async function runBacktestCli(argv: readonly string[], io: CliIo): Promise<number> {
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(argv, io);
  } catch (error) {
    if (error instanceof BacktestInputError || error instanceof DomainError) {
      io.stderr(`backtest: ${error.message}\n(npm run backtest -- --help for the usage)\n`);
      return 2;
    }
    throw error;
  }
  if (prepared.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const { opts, out, html, input } = prepared;
  const bar = new ProgressBar(io.stderr, io.isTty);
  const started = Date.now();
  const run = await runBacktest({ ...input, keepFullDecisions: opts.lookaheadCheck, onProgress: (done, total, date) => bar.update(done, total, date) });
  bar.done();
  let report: BacktestReport & { trust?: { lookahead: LookaheadResult } } = buildReport(run);
  let lookahead: LookaheadResult | undefined;
  if (opts.lookaheadCheck) {
    const cutsMs = lookaheadCuts(run.days, 4);
    lookahead = await lookaheadCheck({ full: run, cutsMs, runTo: (endMs) => runBacktest({ ...input, keepFullDecisions: true, endMs }) });
    report = { ...report, trust: { lookahead } };
  }
  writeAll([[out, JSON.stringify(report)], ...(html ? [[html, htmlReport(report)] as const] : [])]);
  const s = report.summary;
  io.stdout(
    `${run.strategy.name} ${opts.from}..${opts.to}: ${s.trades} trades, win ${(s.winRate * 100).toFixed(1)}%, PF ${s.profitFactor === null ? '-' : s.profitFactor.toFixed(2)}, net ${formatPaise(s.netPnlPaise)}, max DD ${formatPaise(s.maxDrawdownPaise)} (${s.maxDrawdownPct.toFixed(2)}%)${lookahead ? `, look-ahead ${lookahead.ok ? 'OK' : 'FAILED'}` : ''} -> ${opts.out} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (lookahead && !lookahead.ok) {
    for (const cut of lookahead.cuts) for (const d of cut.differences) io.stderr(`LOOK-AHEAD: run ended ${cut.cutAt} differs on ${d.what} ${d.name}\n  full:      ${d.full ?? '(absent)'}\n  truncated: ${d.truncated ?? '(absent)'}\n`);
    return 1;
  }
  return 0;
}
