import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { seedClosedTrade } from './closed-trade-fixtures';

/**
 * GET /api/analytics and /api/analytics/trades.csv on the real app and a migrated SQLite file,
 * from stored positions, fills and charges. Three closed trades (paise):
 *  A Kotak strangle  exit Tue 03-Nov 15:15 TARGET    gross +3,000,000 charges 200,000 net +2,800,000 (VIX 14, DTE 5 journalled)
 *  B ICICI futures   exit Wed 04-Nov 14:00 STOP_LOSS gross −1,800,000 charges 200,000 net −2,000,000 (no journal: DTE 20 from the row)
 *  C Kotak strangle  exit Thu 05-Nov 15:15 STOP_LOSS gross   −900,000 charges 100,000 net −1,000,000 (VIX 23, DTE 1)
 */
describe('analytics REST and CSV', () => {
  let s: SecurityApp;
  let viewer: SessionAuth;

  beforeAll(async () => {
    s = await startSecurityApp({
      beforeBoot: async (ds, seeded) => {
        const { kotakId, iciciId } = seeded.accounts;
        await seedClosedTrade(ds, { accountId: kotakId, openedAt: '2026-11-02 10:00', closedAt: '2026-11-03 15:15', expiryDate: '2026-11-07', exitReason: 'TARGET', grossPaise: 3_000_000, chargesPaise: 200_000, journal: { vix: 14, daysToExpiry: 5 } });
        await seedClosedTrade(ds, { accountId: iciciId, strategyType: 'LLM_VALIDATED_FUTURES', openedAt: '2026-11-04 10:30', closedAt: '2026-11-04 14:00', expiryDate: '2026-11-24', exitReason: 'STOP_LOSS', grossPaise: -1_800_000, chargesPaise: 200_000 });
        await seedClosedTrade(ds, { accountId: kotakId, openedAt: '2026-11-04 10:00', closedAt: '2026-11-05 15:15', expiryDate: '2026-11-05', exitReason: 'STOP_LOSS', grossPaise: -900_000, chargesPaise: 100_000, journal: { vix: 23, daysToExpiry: 1 } });
        // Outside the period asked for below.
        await seedClosedTrade(ds, { accountId: kotakId, openedAt: '2026-10-27 10:00', closedAt: '2026-10-28 15:15', expiryDate: '2026-10-29', exitReason: 'TARGET', grossPaise: 500_000, chargesPaise: 50_000 });
      },
    });
    viewer = await login(s, 'viewer');
  });
  afterAll(() => s?.close());

  const get = (url: string) => s.http().get(url).set('cookie', viewer.cookie);

  it('reports the period net of charges: KPIs, curves, daily P&L, breakdowns and targets', async () => {
    const r = (await get('/api/analytics?from=2026-11-01&to=2026-11-30').expect(200)).body;
    // net 2,800,000 − 2,000,000 − 1,000,000 = −200,000; charges 500,000; gross 300,000.
    expect(r.kpis).toMatchObject({ trades: 3, wins: 1, losses: 2, grossPnlPaise: 300_000, chargesPaise: 500_000, netPnlPaise: -200_000, grossProfitPaise: 2_800_000, grossLossPaise: 3_000_000, avgWinPaise: 2_800_000, avgLossPaise: -1_500_000, maxConsecutiveLosses: 2 });
    expect(r.kpis.profitFactor).toBeCloseTo(2.8 / 3, 12);
    // Combined capital 2 × ₹6 crore = 12,000,000,000 paise; peak after A, −3,000,000 below it after C.
    const all = r.equity[0];
    expect(all).toMatchObject({ accountId: 'ALL', startingCapitalPaise: 12_000_000_000, maxDrawdownPaise: -3_000_000 });
    expect(all.points.map((p: { equityPaise: number }) => p.equityPaise)).toEqual([12_002_800_000, 12_000_800_000, 11_999_800_000]);
    expect(all.points.map((p: { at: string }) => p.at)).toEqual(['2026-11-03T15:15', '2026-11-04T14:00', '2026-11-05T15:15']);
    expect(r.equity.map((c: { accountId: string }) => c.accountId)).toEqual(['ALL', String(s.accounts.kotakId), String(s.accounts.iciciId)]);
    expect(r.daily).toEqual([
      { date: '2026-11-03', trades: 1, netPnlPaise: 2_800_000 },
      { date: '2026-11-04', trades: 1, netPnlPaise: -2_000_000 },
      { date: '2026-11-05', trades: 1, netPnlPaise: -1_000_000 },
    ]);
    const rows = (xs: { key: string; netPnlPaise: number }[]) => xs.map((x) => [x.key, x.netPnlPaise]);
    expect(rows(r.byStrategy)).toEqual([['LLM_VALIDATED_FUTURES', -2_000_000], ['WEEKLY_NIFTY_STRANGLE', 1_800_000]]);
    expect(rows(r.byVixBand)).toEqual([['VIX<15', 2_800_000], ['VIX≥22', -1_000_000], ['UNKNOWN', -2_000_000]]);
    expect(rows(r.byDaysToExpiry)).toEqual([['DTE 0-1', -1_000_000], ['DTE 4-7', 2_800_000], ['DTE 16+', -2_000_000]]);
    // Targets: 2 × ₹1.75 L weekly, 2 × ₹7 L monthly.
    expect(r.targets).toMatchObject({ weeklyTargetPaise: 35_000_000, monthlyTargetPaise: 140_000_000, weeks: [{ periodStart: '2026-11-02', netPnlPaise: -200_000 }] });
  });

  it('narrows to one account and to the whole history', async () => {
    const kotak = (await get(`/api/analytics?accountId=${s.accounts.kotakId}&from=2026-11-01`).expect(200)).body;
    expect([kotak.kpis.trades, kotak.kpis.netPnlPaise, kotak.equity.length]).toEqual([2, 1_800_000, 2]);
    // No period: the October trade too (net 450,000).
    expect((await get('/api/analytics').expect(200)).body.kpis).toMatchObject({ trades: 4, netPnlPaise: 250_000 });
  });

  it('exports the trades as CSV in integer paise', async () => {
    const res = await get('/api/analytics/trades.csv?from=2026-11-01&to=2026-11-30').expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,accountId,strategy,underlying,entryAt,exitAt,exitReason,grossPnlPaise,chargesPaise,netPnlPaise,vixAtEntry,daysToExpiryAtEntry');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^\\d+,${s.accounts.kotakId},WEEKLY_NIFTY_STRANGLE,NIFTY,2026-11-02T10:00,2026-11-03T15:15,TARGET,3000000,200000,2800000,14,5$`));
    expect(lines[2]).toMatch(/,LLM_VALIDATED_FUTURES,RELIANCE,2026-11-04T10:30,2026-11-04T14:00,STOP_LOSS,-1800000,200000,-2000000,,20$/);
  });

  it('refuses bad input with a 4xx and needs a session', async () => {
    expect((await get('/api/analytics?from=2026-13-01')).status).toBe(400);
    expect((await get('/api/analytics?from=2026-11-30&to=2026-11-01')).status).toBe(400);
    expect((await get('/api/analytics?accountId=abc')).status).toBe(400);
    expect((await get('/api/analytics?period=all')).status).toBe(400);
    expect((await get('/api/analytics?accountId=999999')).status).toBe(404);
    expect((await get('/api/analytics/trades.csv?to=nope')).status).toBe(400);
    expect((await s.http().get('/api/analytics')).status).toBe(401);
  });
});
