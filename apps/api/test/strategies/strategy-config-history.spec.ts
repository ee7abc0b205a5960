import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';

describe('GET /api/strategy-configs/:id/history', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let viewer: SessionAuth;

  beforeAll(async () => {
    s = await startSecurityApp();
    trader = await login(s, 'trader');
    viewer = await login(s, 'viewer');
  });
  afterAll(() => s?.close());

  const put = (id: number, body: object) => s.http().put(`/api/strategy-configs/${id}/parameters`).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send(body);
  const history = (id: number) => s.http().get(`/api/strategy-configs/${id}/history`).set('cookie', viewer.cookie);

  it('lists the changed fields of one configuration, newest first, readable by a viewer', async () => {
    expect((await history(s.strategyConfigs.strangleId).expect(200)).body).toEqual([]);
    await put(s.strategyConfigs.strangleId, { baseDeltaPct: 0.6 }).expect(200);
    await put(s.strategyConfigs.strangleId, { targetPct: 70 }).expect(200);
    await put(s.strategyConfigs.futuresId, { maxAverageAttempts: 3 }).expect(200);
    const res = await history(s.strategyConfigs.strangleId).expect(200);
    expect(res.body.map((c: { newValue: object }) => c.newValue)).toEqual([{ targetPct: 70 }, { baseDeltaPct: 0.6 }]);
    expect(res.body[1]).toMatchObject({ actor: 'trader', oldValue: { baseDeltaPct: 0.5 } });
    expect(Number.isNaN(Date.parse(res.body[0].at))).toBe(false);
  });

  it('records nothing for a refused change', async () => {
    const before = (await history(s.strategyConfigs.futuresId).expect(200)).body.length;
    expect((await put(s.strategyConfigs.futuresId, { maxAverageAttempts: 9 })).status).toBe(400);
    expect((await history(s.strategyConfigs.futuresId).expect(200)).body).toHaveLength(before);
  });

  it('answers 404 for an unknown configuration', async () => {
    expect((await history(999_999)).status).toBe(404);
  });
});
