import { assertIsoDate, DomainError } from '@mcube/domain';
import { BacktestInputError } from '../backtest-input-error';

/** The command line of `npm run backtest`. */
export interface BacktestCliOptions {
  readonly strategy: string;
  readonly from: string;
  readonly to: string;
  readonly out: string;
  readonly html?: string;
  readonly data?: string;
  /** Seed of the market simulator, instead of a data folder. */
  readonly sim?: number;
  readonly params: readonly string[];
  readonly lookaheadCheck: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run backtest -- --strategy kotak-strangle --from YYYY-MM-DD --to YYYY-MM-DD --out report.json
         [--html report.html] [--data DIR | --sim SEED] [--param key=value ...] [--lookahead-check]

  --strategy         kotak-strangle
  --from, --to       IST trading dates inside the data (costs are dated from 2016-06-01)
  --out              report.json to write (its folder must exist)
  --html             also write an HTML report with charts
  --data             a folder in the layout of ../shared/data (default: MCUBE_SHARED_DATA or ../shared/data)
  --sim              the seeded market simulator instead of history (every option price MODELLED)
  --param key=value  a strangle parameter (targetPct=60, filters.maxVix=22), risk.<limit> or engine.<setting>
  --lookahead-check  rerun to earlier end dates; fail (exit 1) if any earlier decision or trade changes
Exit codes: 0 done, 1 the run or the look-ahead check failed, 2 bad input (nothing written).`;

const VALUE_FLAGS = new Set(['--strategy', '--from', '--to', '--out', '--html', '--data', '--sim', '--param']);

function date(flag: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new BacktestInputError('BAD_ARGUMENT', `${flag} must be a date YYYY-MM-DD, got '${value}'`);
  try {
    assertIsoDate(value);
  } catch (e) {
    throw new BacktestInputError('BAD_ARGUMENT', `${flag} ${value} is not a real date${e instanceof DomainError ? `: ${e.message}` : ''}`);
  }
  return value;
}

/**
 * Parses the arguments after `npm run backtest --`. `--flag value` and `--flag=value` both
 * work; `--param` repeats. Throws BacktestInputError BAD_ARGUMENT for an unknown flag, a
 * missing value or required flag, a repeated single flag, a malformed date, or from > to.
 */
export function parseBacktestArgs(argv: readonly string[]): BacktestCliOptions {
  const single = new Map<string, string>();
  const params: string[] = [];
  let lookaheadCheck = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--lookahead-check') {
      lookaheadCheck = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag)) throw new BacktestInputError('BAD_ARGUMENT', `unknown argument '${arg}'`);
    const value = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (value.startsWith('--') && eq <= 0)) throw new BacktestInputError('BAD_ARGUMENT', `${flag} needs a value`);
    if (flag === '--param') params.push(value);
    else if (single.has(flag)) throw new BacktestInputError('BAD_ARGUMENT', `${flag} is given twice`);
    else single.set(flag, value);
  }
  if (help) return { strategy: '', from: '', to: '', out: '', params, lookaheadCheck, help };
  for (const required of ['--strategy', '--from', '--to', '--out']) if (!single.get(required)) throw new BacktestInputError('BAD_ARGUMENT', `${required} is required`);
  const from = date('--from', single.get('--from') as string);
  const to = date('--to', single.get('--to') as string);
  if (from > to) throw new BacktestInputError('BAD_ARGUMENT', `--from ${from} is after --to ${to}`);
  const simText = single.get('--sim');
  if (simText !== undefined && single.has('--data')) throw new BacktestInputError('BAD_ARGUMENT', '--data and --sim exclude each other');
  if (simText !== undefined && !/^\d{1,9}$/.test(simText)) throw new BacktestInputError('BAD_ARGUMENT', `--sim needs a whole-number seed, got '${simText}'`);
  return { strategy: single.get('--strategy') as string, from, to, out: single.get('--out') as string, html: single.get('--html'), data: single.get('--data'), sim: simText === undefined ? undefined : Number(simText), params, lookaheadCheck, help };
}
