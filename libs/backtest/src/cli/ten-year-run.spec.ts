import { sharedDataDir } from '@mcube/testing';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { sharedHistory } from '../testing/shared-history';
import { runBacktestCli } from './run-backtest-cli';

const IST_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const int = expect.any(Number);

// The ten-year strangle from the first day the dated costs cover to the end of the shared data,
// with the seed's parameters, through the CLI exactly as `npm run backtest` runs it.
describe('the ten-year strangle backtest on the shared data', () => {
  let dir: string;
  let report: Record<string, any>;
  const to = () => sharedHistory().history.lastDate;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcube-backtest-10y-'));
    const io = { stdout: () => undefined, stderr: () => undefined, isTty: false, env: { MCUBE_SHARED_DATA: sharedDataDir }, cwd: dir };
    const code = await runBacktestCli(['--strategy', 'kotak-strangle', '--from', '2016-06-01', '--to', to(), '--out', 'report.json'], io);
    expect(code).toBe(0);
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the summary the issue lists, consistent with its trades', () => {
    const s = report.summary;
    expect(s).toEqual(
      expect.objectContaining({ trades: int, winRate: int, netPnlPaise: int, grossPnlPaise: int, chargesPaise: int, maxDrawdownPaise: int, maxDrawdownPct: int, worstWeekPaise: int, bestMonthPaise: int, worstMonthPaise: int }),
    );
    expect(['number', 'object']).toContain(typeof s.profitFactor);
    expect(typeof s.sharpe).toBe('number');
    expect(typeof s.sortino).toBe('number');
    expect(s.trades).toBe(report.trades.length);
    expect(s.trades).toBeGreaterThan(100);
    for (const k of ['netPnlPaise', 'grossPnlPaise', 'chargesPaise'] as const) expect(report.trades.reduce((a: number, t: any) => a + t[k], 0)).toBe(s[k]);
    expect(s.netPnlPaise).toBe(s.grossPnlPaise - s.chargesPaise);
    expect(s.monthly[0]).toEqual({ month: '2016-06', netPnlPaise: int, targetPaise: 70_000_000 });
    expect(s.monthly[s.monthly.length - 1].month).toBe(to().slice(0, 7));
    expect(s.monthly.length).toBe(123);
  });

  it('lists every trade with IST times, legs and where each price came from', () => {
    for (const t of report.trades) {
      expect(t.entryAt).toMatch(IST_MINUTE);
      expect(t.exitAt).toMatch(IST_MINUTE);
      expect(t.exitAt >= t.entryAt).toBe(true);
      expect(t.netPnlPaise).toBe(t.grossPnlPaise - t.chargesPaise);
      expect(typeof t.exitReason).toBe('string');
      expect(t.legs.length).toBeGreaterThan(0);
      for (const l of t.legs) {
        expect(l).toEqual(expect.objectContaining({ instrument: expect.stringMatching(/^NIFTY-\d{4}-\d{2}-\d{2}-\d+-(CE|PE)$/), side: expect.stringMatching(/^(BUY|SELL)$/), quantity: int, entryPrice: int, priceSource: expect.stringMatching(/^(REAL|MODELLED)$/) }));
        expect(l.fills.every((f: any) => f.priceSource === 'REAL' || f.priceSource === 'MODELLED')).toBe(true);
      }
    }
  });

  it('journals every decision with date, time, reason code and inputs, inside the session', () => {
    expect(report.decisions.length).toBeGreaterThan(report.trades.length);
    // One expectation over all rows (tens of thousands): the offenders, if any, are listed.
    const bad = report.decisions.filter((d: any) => !/^\d{4}-\d{2}-\d{2}$/.test(d.date) || !(d.time >= '09:15' && d.time < '15:40') || typeof d.reasonCode !== 'string' || typeof d.inputs !== 'object');
    expect(bad).toEqual([]);
    const kinds = new Set(report.decisions.map((d: any) => d.kind));
    for (const k of ['ENTRY', 'SKIP', 'EXIT', 'HOLD']) expect(kinds.has(k)).toBe(true);
  });

  it('states its parameters, data, proxies and version, and ran without engine errors', () => {
    expect(report.parameters.strategy).toMatchObject({ targetPct: 70, stopLossPct: 100, entryTime: '10:00' });
    expect(report.parameters.engine).toMatchObject({ capitalPaise: 6_00_00_000 * 100, tickMinutes: 15 });
    expect(report.data.series.niftyDaily).toEqual({ from: '2000-01-03', to: to() });
    expect(report.data.modelled.join(' ')).toMatch(/GIFT Nifty: no history exists/);
    expect(report.version).toEqual({ engine: expect.any(String), schema: 1 });
    expect(report.risk.tickErrors).toEqual([]);
    expect(report.risk.anomalies).toEqual([]);
    expect(report.equity[report.equity.length - 1].equityPaise).toBe(report.summary.endEquityPaise);
  });
});
