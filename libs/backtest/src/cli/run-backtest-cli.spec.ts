import { sharedDataDir } from '@mcube/testing';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runBacktestCli } from './run-backtest-cli';

function harness(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), isTty: false, env: { MCUBE_SHARED_DATA: sharedDataDir }, cwd };
  return { io, out, err };
}

describe('npm run backtest (CLI)', () => {
  let dir: string;
  const base = ['--strategy', 'kotak-strangle', '--from', '2024-07-01', '--to', '2024-07-05', '--out', 'report.json'];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mcube-backtest-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unknown flag', [...base, '--speed', 'fast'], /unknown argument '--speed'/],
    ['a missing value', ['--strategy', 'kotak-strangle', '--from', '2024-07-01', '--to'], /--to needs a value/],
    ['a missing required flag', ['--strategy', 'kotak-strangle', '--from', '2024-07-01', '--to', '2024-07-05'], /--out is required/],
    ['an unknown strategy', ['--strategy', 'iron-condor', ...base.slice(2)], /unknown strategy 'iron-condor'/],
    ['a malformed date', [...base.slice(0, 3), '2024-7-1', ...base.slice(4)], /--from must be a date YYYY-MM-DD/],
    ['an impossible date', [...base.slice(0, 5), '2024-02-30', ...base.slice(6)], /--to 2024-02-30 is not a real date/],
    ['from after to', ['--strategy', 'kotak-strangle', '--from', '2024-07-05', '--to', '2024-07-01', '--out', 'r.json'], /is after --to/],
    ['an unknown parameter', [...base, '--param', 'targetPercent=60'], /unknown parameter 'targetPercent'/],
    ['a parameter that does not validate', [...base, '--param', 'targetPct=150'], /targetPct must be a percentage in \(0, 100\]/],
    ['an engine setting out of range', [...base, '--param', 'engine.halfSpreadPct=-1'], /engine.halfSpreadPct=-1: must be a number/],
    ['a parameter without a value', [...base, '--param', 'targetPct'], /--param needs key=value/],
    ['the weekly loss limit turned off (never off, DECISIONS §6)', [...base, '--param', 'risk.weeklyLossLimitPaise=off'], /risk.weeklyLossLimitPaise=off: must be/],
    ['a date before the dated cost model', ['--strategy', 'kotak-strangle', '--from', '2016-01-04', '--to', '2016-02-01', '--out', 'r.json'], /before the dated cost model begins \(2016-06-01\)/],
    ['a date after the data', ['--strategy', 'kotak-strangle', '--from', '2026-08-01', '--to', '2026-09-30', '--out', 'r.json'], /after the data's last day \(2026-08-21/],
    ['--data with --sim', [...base, '--data', 'x', '--sim', '7'], /--data and --sim exclude each other/],
    ['a seed that is not a whole number', [...base, '--sim', 'seven'], /--sim needs a whole-number seed/],
    ['an output folder that does not exist', [...base.slice(0, 7), 'nowhere/report.json'], /folder .*nowhere does not exist/],
  ])('refuses %s with exit 2 and writes nothing', async (_name, argv, message) => {
    const { io, err, out } = harness(dir);
    expect(await runBacktestCli(argv, io)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(out).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a data folder in the wrong layout, naming what is missing', async () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'nifty50_daily'), { recursive: true });
    writeFileSync(join(data, 'nifty50_daily', 'prices.csv'), 'date,close\n2024-07-01,1\n');
    const { io, err } = harness(dir);
    expect(await runBacktestCli([...base, '--data', 'data'], io)).toBe(2);
    expect(err.join('')).toMatch(/not in the shared-data layout: missing nifty50_daily\/nifty50_daily_combined.csv, india_vix_daily\/india_vix_daily_combined.csv/);
    expect(readdirSync(dir)).toEqual(['data']);
  });

  it('prints the usage for --help and exits 0', async () => {
    const { io, out } = harness(dir);
    expect(await runBacktestCli(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/Usage: npm run backtest -- --strategy kotak-strangle/);
  });

  it('runs a valid week: writes report.json and the HTML, prints one summary line, no progress bar off a terminal', async () => {
    const { io, out, err } = harness(dir);
    expect(await runBacktestCli([...base, '--html', 'report.html', '--param', 'targetPct=60', '--param', 'risk.weeklyLossLimitPaise=30000000'], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^kotak-strangle 2024-07-01\.\.2024-07-05: \d+ trades, win .*-> report\.json/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.parameters.strategy.targetPct).toBe(60);
    expect(report.parameters.engine.riskLimits.weeklyLossLimitPaise).toBe(30000000);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<svg[\s\S]*Equity and drawdown/);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json']);
  }, 120_000);

  it('runs on the seeded simulator with --sim', async () => {
    const { io, out } = harness(dir);
    expect(await runBacktestCli(['--strategy', 'kotak-strangle', '--from', '2026-03-02', '--to', '2026-03-20', '--out', 'sim.json', '--sim', '7'], io)).toBe(0);
    expect(out[0]).toMatch(/^kotak-strangle 2026-03-02\.\.2026-03-20: /);
    const report = JSON.parse(readFileSync(join(dir, 'sim.json'), 'utf8'));
    expect(report.data.folder).toBe('simulator:seed=7');
    expect(report.summary.fills.real).toBe(0);
  }, 120_000);

  it('with --lookahead-check adds the check to the report and passes for the real strategy', async () => {
    const { io, out } = harness(dir);
    expect(await runBacktestCli(['--strategy', 'kotak-strangle', '--from', '2024-07-01', '--to', '2024-07-19', '--out', 'report.json', '--lookahead-check'], io)).toBe(0);
    expect(out[0]).toMatch(/look-ahead OK/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.trust.lookahead.ok).toBe(true);
    expect(report.trust.lookahead.cuts).toHaveLength(4);
  }, 180_000);
});
