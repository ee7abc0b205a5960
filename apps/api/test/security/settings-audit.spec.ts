import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { login, SecurityApp, SessionAuth, startSecurityApp } from './security-app';

describe('stored settings and the audit log', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let admin: SessionAuth;

  beforeAll(async () => {
    s = await startSecurityApp();
    trader = await login(s, 'trader');
    admin = await login(s, 'admin');
  });
  afterAll(() => s?.close());

  const auditOf = async (action: string) => (await s.http().get('/api/audit-log').query({ limit: 500 }).set('cookie', admin.cookie).expect(200)).body.items.filter((e: { action: string }) => e.action === action);

  it('changes risk limits through the validated endpoint and audits who, when, old and new', async () => {
    const before = await s.http().get(`/api/accounts/${s.accounts.kotakId}/risk-limits`).set('cookie', trader.cookie).expect(200);
    expect(before.body.dailyLossLimitPaise).toBe(2_00_000_00);
    const res = await s
      .http()
      .put(`/api/accounts/${s.accounts.kotakId}/risk-limits`)
      .set('cookie', trader.cookie)
      .set('x-csrf-token', trader.csrfToken)
      .set('x-request-id', 'risk-change-1')
      .send({ dailyLossLimitPaise: 1_50_000_00, weeklyLossLimitPaise: null, maxMarginUsagePct: 0.4 })
      .expect(200);
    expect(res.body.dailyLossLimitPaise).toBe(1_50_000_00);
    expect((await s.dataSource.getRepository(RiskLimit).findOneByOrFail({ accountId: s.accounts.kotakId })).dailyLossLimitPaise).toBe(1_50_000_00);
    const [entry] = await auditOf('risk-limits.update');
    expect(entry).toMatchObject({ actor: 'trader', entity: 'risk_limit', correlationId: 'risk-change-1' });
    // Only fields that really changed are recorded (weeklyLossLimitPaise and maxMarginUsagePct were already so).
    expect(JSON.parse(entry.oldValue)).toEqual({ dailyLossLimitPaise: 2_00_000_00 });
    expect(JSON.parse(entry.newValue)).toEqual({ dailyLossLimitPaise: 1_50_000_00 });
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses limits out of range and a monthly target below the weekly one, changing nothing', async () => {
    const put = (body: object) => s.http().put(`/api/accounts/${s.accounts.kotakId}/risk-limits`).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
    expect((await put({ maxConcurrentPositions: 2 })).status).toBe(400);
    expect((await put({ maxMarginUsagePct: 1.5 })).status).toBe(400);
    const res = await put({ monthlyProfitTargetPaise: 100 });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(['monthlyProfitTargetPaise must not be below weeklyProfitTargetPaise']);
    expect(await auditOf('risk-limits.update')).toHaveLength(1);
  });

  it('changes strategy parameters with per-strategy validation and audits old and new', async () => {
    const put = (id: number, body: object) => s.http().put(`/api/strategy-configs/${id}/parameters`).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
    const ok = await put(s.strategyConfigs.strangleId, { baseDeltaPct: 0.6, targetPct: 65 }).expect(200);
    expect(ok.body.parameters).toMatchObject({ baseDeltaPct: 0.6, targetPct: 65, roundTo: 100 });
    expect(ok.body.version).toBe(2);
    const [entry] = await auditOf('strategy-parameters.update');
    expect(JSON.parse(entry.oldValue)).toEqual({ baseDeltaPct: 0.5, targetPct: null });
    expect(JSON.parse(entry.newValue)).toEqual({ baseDeltaPct: 0.6, targetPct: 65 });
    // A futures parameter is unknown to the strangle, and the plan's mandatory approval cannot be switched off.
    expect((await put(s.strategyConfigs.strangleId, { maxAverageAttempts: 2 })).status).toBe(400);
    expect((await put(s.strategyConfigs.futuresId, { requireHumanApproval: false })).body.message).toEqual([expect.stringContaining('requireHumanApproval')]);
    expect((await put(s.strategyConfigs.futuresId, { maxAverageAttempts: 4 })).status).toBe(400);
    expect((await put(s.strategyConfigs.strangleId, { entryTime: '12:00' })).body.message).toEqual(['entryTime must lie inside the entry window']);
    const stored = await s.dataSource.getRepository(StrategyConfig).findOneByOrFail({ id: s.strategyConfigs.futuresId });
    expect(stored.parameters['maxAverageAttempts']).toBe(2);
  });

  it('shows the audit log to admins only', async () => {
    await s.http().get('/api/audit-log').set('cookie', trader.cookie).expect(403);
    const res = await s.http().get('/api/audit-log').query({ limit: 1 }).set('cookie', admin.cookie).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
  });
});
