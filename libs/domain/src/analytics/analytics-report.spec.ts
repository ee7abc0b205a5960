import type { AnalyticsTrade } from './analytics.types';
import { analyticsReport } from './analytics-report';

const S = 'WEEKLY_NIFTY_STRANGLE';
const F = 'LLM_VALIDATED_FUTURES';
const trade = (t: Partial<AnalyticsTrade> & Pick<AnalyticsTrade, 'id' | 'accountId' | 'exitAt' | 'grossPnlPaise' | 'chargesPaise' | 'netPnlPaise'>): AnalyticsTrade => ({
  strategy: S,
  entryAt: `${t.exitAt.slice(0, 10)}T10:00`,
  exitReason: 'TARGET',
  ...t,
});

// Five trades, two accounts (account 1: ₹10,000 capital; account 2: ₹5,000). In exit order:
//  T1 acct 1 strangle Tue 03-Nov 15:15 TARGET     gross +30,000 charges 2,000 net +28,000  VIX 14   DTE 5
//  T2 acct 2 futures  Wed 04-Nov 14:00 STOP_LOSS  gross −18,000 charges 2,000 net −20,000  VIX 16.5 DTE 20
//  T3 acct 1 strangle Thu 05-Nov 15:15 STOP_LOSS  gross  −9,000 charges 1,000 net −10,000  VIX 23   DTE 1
//  T4 acct 1 strangle Thu 05-Nov 15:20 EOD_PROFIT gross  +1,500 charges 1,500 net       0  VIX ?    DTE 3
//  T5 acct 2 futures  Tue 10-Nov 11:00 TARGET     gross +52,000 charges 2,000 net +50,000  VIX 19   DTE 16
const TRADES: AnalyticsTrade[] = [
  trade({ id: '5', accountId: '2', strategy: F, exitAt: '2026-11-10T11:00', grossPnlPaise: 52_000, chargesPaise: 2_000, netPnlPaise: 50_000, vixAtEntry: 19, daysToExpiryAtEntry: 16 }),
  trade({ id: '1', accountId: '1', exitAt: '2026-11-03T15:15', grossPnlPaise: 30_000, chargesPaise: 2_000, netPnlPaise: 28_000, vixAtEntry: 14, daysToExpiryAtEntry: 5 }),
  trade({ id: '3', accountId: '1', exitAt: '2026-11-05T15:15', exitReason: 'STOP_LOSS', grossPnlPaise: -9_000, chargesPaise: 1_000, netPnlPaise: -10_000, vixAtEntry: 23, daysToExpiryAtEntry: 1 }),
  trade({ id: '2', accountId: '2', strategy: F, exitAt: '2026-11-04T14:00', exitReason: 'STOP_LOSS', grossPnlPaise: -18_000, chargesPaise: 2_000, netPnlPaise: -20_000, vixAtEntry: 16.5, daysToExpiryAtEntry: 20 }),
  trade({ id: '4', accountId: '1', exitAt: '2026-11-05T15:20', exitReason: 'EOD_PROFIT', grossPnlPaise: 1_500, chargesPaise: 1_500, netPnlPaise: 0, vixAtEntry: null, daysToExpiryAtEntry: 3 }),
];
const report = (from: string | null = null, to: string | null = null) =>
  analyticsReport({ trades: TRADES, from, to, capitalByAccount: { '1': 1_000_000, '2': 500_000 }, targets: { weeklyPaise: 40_000, monthlyPaise: 100_000 } });

describe('analyticsReport on a hand-checked fixture', () => {
  it('computes the KPIs net of charges', () => {
    const k = report().kpis;
    // wins T1, T5; losses T2, T3 and the flat T4 (a flat trade is not a win).
    expect([k.trades, k.wins, k.losses, k.winRateFraction]).toEqual([5, 2, 3, 0.4]);
    // gross 30,000 − 18,000 − 9,000 + 1,500 + 52,000 = 56,500; charges 8,500; net 48,000.
    expect([k.grossPnlPaise, k.chargesPaise, k.netPnlPaise]).toEqual([56_500, 8_500, 48_000]);
    // profit 28,000 + 50,000 = 78,000; loss 20,000 + 10,000 + 0 = 30,000; factor 2.6.
    expect([k.grossProfitPaise, k.grossLossPaise, k.profitFactor]).toEqual([78_000, 30_000, 2.6]);
    // avg win 78,000 / 2; avg loss −30,000 / 3; expectancy 48,000 / 5.
    expect([k.avgWinPaise, k.avgLossPaise, k.expectancyPaise]).toEqual([39_000, -10_000, 9_600]);
    // T2, T3, T4 in a row.
    expect(k.maxConsecutiveLosses).toBe(3);
  });

  it('draws the combined equity curve with the drawdown from the peak', () => {
    const all = report().equity[0];
    expect(all.accountId).toBe('ALL');
    expect(all.startingCapitalPaise).toBe(1_500_000);
    // 1,500,000 +28,000 → 1,528,000 (peak) −20,000 → 1,508,000 −10,000 → 1,498,000 +0 → 1,498,000 +50,000 → 1,548,000 (new peak).
    expect(all.points.map((p) => [p.tradeId, p.equityPaise, p.peakPaise, p.drawdownPaise])).toEqual([
      ['1', 1_528_000, 1_528_000, 0],
      ['2', 1_508_000, 1_528_000, -20_000],
      ['3', 1_498_000, 1_528_000, -30_000],
      ['4', 1_498_000, 1_528_000, -30_000],
      ['5', 1_548_000, 1_548_000, 0],
    ]);
    // −30,000 / 1,528,000 = −1.9634%.
    expect(all.maxDrawdownPaise).toBe(-30_000);
    expect(all.maxDrawdownPct).toBeCloseTo(-1.96335, 4);
    expect(report().kpis.maxDrawdownPaise).toBe(-30_000);
  });

  it('draws one curve per account from its own capital', () => {
    const [, one, two] = report().equity;
    // Account 1: 1,000,000 → 1,028,000 → 1,018,000 → 1,018,000: drawdown −10,000 = −0.9728% of 1,028,000.
    expect(one.points.map((p) => p.equityPaise)).toEqual([1_028_000, 1_018_000, 1_018_000]);
    expect(one.maxDrawdownPaise).toBe(-10_000);
    expect(one.maxDrawdownPct).toBeCloseTo(-0.97276, 4);
    // Account 2: 500,000 → 480,000 (−20,000 below the capital = −4%) → 530,000.
    expect(two.points.map((p) => p.equityPaise)).toEqual([480_000, 530_000]);
    expect([two.maxDrawdownPaise, two.maxDrawdownPct]).toEqual([-20_000, -4]);
  });

  it('sums the net P&L of each exit day for the calendar', () => {
    expect(report().daily).toEqual([
      { date: '2026-11-03', trades: 1, netPnlPaise: 28_000 },
      { date: '2026-11-04', trades: 1, netPnlPaise: -20_000 },
      { date: '2026-11-05', trades: 2, netPnlPaise: -10_000 },
      { date: '2026-11-10', trades: 1, netPnlPaise: 50_000 },
    ]);
  });

  it('breaks the P&L down by strategy, exit reason and weekday', () => {
    const r = report();
    const rows = (xs: typeof r.byStrategy) => xs.map((x) => [x.key, x.trades, x.wins, x.netPnlPaise, x.avgNetPnlPaise]);
    // Futures T2 + T5 = 30,000; strangle T1 + T3 + T4 = 18,000.
    expect(rows(r.byStrategy)).toEqual([[F, 2, 1, 30_000, 15_000], [S, 3, 1, 18_000, 6_000]]);
    expect(rows(r.byExitReason)).toEqual([['EOD_PROFIT', 1, 0, 0, 0], ['STOP_LOSS', 2, 0, -30_000, -15_000], ['TARGET', 2, 2, 78_000, 39_000]]);
    // Tuesday T1 + T5, Wednesday T2, Thursday T3 + T4.
    expect(rows(r.byWeekday)).toEqual([['TUE', 2, 2, 78_000, 39_000], ['WED', 1, 0, -20_000, -20_000], ['THU', 2, 0, -10_000, -5_000]]);
  });

  it('breaks the P&L down by VIX band and days to expiry at entry, unknown last', () => {
    const r = report();
    const rows = (xs: typeof r.byVixBand) => xs.map((x) => [x.key, x.trades, x.netPnlPaise]);
    // 14 → <15, 16.5 → 15-18, 19 → 18-22, 23 → ≥22, missing → UNKNOWN.
    expect(rows(r.byVixBand)).toEqual([['VIX<15', 1, 28_000], ['VIX 15-18', 1, -20_000], ['VIX 18-22', 1, 50_000], ['VIX≥22', 1, -10_000], ['UNKNOWN', 1, 0]]);
    // 1 → 0-1, 3 → 2-3, 5 → 4-7, 16 and 20 → 16+.
    expect(rows(r.byDaysToExpiry)).toEqual([['DTE 0-1', 1, -10_000], ['DTE 2-3', 1, 0], ['DTE 4-7', 1, 28_000], ['DTE 16+', 2, 30_000]]);
  });

  it('measures each week and month against the targets', () => {
    const t = report().targets;
    // Week of Mon 02-Nov: 28,000 − 20,000 − 10,000 + 0 = −2,000 of 40,000; week of 09-Nov: 50,000 = 125%.
    expect(t.weeks).toEqual([
      { periodStart: '2026-11-02', netPnlPaise: -2_000, progressFraction: -0.05 },
      { periodStart: '2026-11-09', netPnlPaise: 50_000, progressFraction: 1.25 },
    ]);
    expect(t.months).toEqual([{ periodStart: '2026-11-01', netPnlPaise: 48_000, progressFraction: 0.48 }]);
  });

  it('keeps only the trades that exited inside the period', () => {
    const k = report('2026-11-04', '2026-11-05').kpis;
    // T2, T3, T4: net −30,000, no win: profit factor 0 / 30,000 = 0.
    expect([k.trades, k.wins, k.netPnlPaise, k.profitFactor, k.maxConsecutiveLosses]).toEqual([3, 0, -30_000, 0, 3]);
  });

  it('reports an empty period without dividing by zero', () => {
    const r = report('2027-01-01', '2027-01-31');
    expect([r.kpis.trades, r.kpis.winRateFraction, r.kpis.expectancyPaise, r.kpis.maxDrawdownPaise, r.daily.length]).toEqual([0, 0, 0, 0, 0]);
    expect(r.equity.map((c) => [c.accountId, c.points.length])).toEqual([['ALL', 0], ['1', 0], ['2', 0]]);
  });
});
