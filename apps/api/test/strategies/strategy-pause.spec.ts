import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { StrategyJobHandlers } from '../../src/modules/strategies/runtime/strategy-job-handlers';
import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

const DAY = '2026-03-11';

describe('PUT /api/strategy-configs/:id/entries-paused', () => {
  let s: SecurityApp;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let admin: SessionAuth;
  const clock = new FixedClock(epochMsOfIst(DAY, '10:00'));

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: WALL_CLOCK, useValue: clock }, { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) }] });
    trader = await login(s, 'trader');
    viewer = await login(s, 'viewer');
    admin = await login(s, 'admin');
  });
  afterAll(() => s?.close());

  const pause = (who: SessionAuth, body: object) => s.http().put(`/api/strategy-configs/${s.strategyConfigs.strangleId}/entries-paused`).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);
  const config = async () => (await s.http().get(`/api/strategy-configs/${s.strategyConfigs.strangleId}`).set('cookie', viewer.cookie).expect(200)).body;
  const audit = async () => (await s.http().get('/api/audit-log?entity=strategy_config').set('cookie', admin.cookie).expect(200)).body.items as { action: string; actor: string; newValue: string }[];

  it('refuses a viewer and a bad body, changing and auditing nothing', async () => {
    expect((await pause(viewer, { paused: true, reason: 'event risk' })).status).toBe(403);
    expect((await pause(trader, { paused: 'yes', reason: 'event risk' })).status).toBe(400);
    expect((await pause(trader, { paused: true })).status).toBe(400);
    expect((await pause(trader, { paused: true, reason: 'event risk', extra: 1 })).status).toBe(400);
    expect((await config()).entriesPaused).toBe(false);
    expect((await audit()).filter((a) => a.action.startsWith('strategy.'))).toEqual([]);
  });

  it('pauses entries (stored, audited with the reason): the 10:00 job then enters nothing and journals nothing', async () => {
    const res = await pause(trader, { paused: true, reason: 'RBI policy tomorrow' }).expect(200);
    expect(res.body).toMatchObject({ id: s.strategyConfigs.strangleId, entriesPaused: true });
    expect((await config()).entriesPaused).toBe(true);
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'strategy.pause', actor: 'trader' });
    expect(JSON.parse(entry.newValue)).toEqual({ entriesPaused: true, reason: 'RBI policy tomorrow' });

    await s.app.get(StrategyJobHandlers).evaluateEntry();
    await s.app.get(StrategyJobHandlers).monitorPositions();
    const get = (path: string) => s.http().get(path).set('cookie', viewer.cookie).expect(200);
    // The paused strangle's account only: the ICICI strategy (not paused) screens on the same monitor tick.
    const kotak = (rows: { accountId: number }[]) => rows.filter((r) => r.accountId === s.accounts.kotakId);
    expect(kotak((await get('/api/decisions')).body)).toEqual([]);
    expect((await get('/api/orders')).body).toEqual([]);
  });

  it('resumes (audited once; resuming again changes nothing) and the next pass evaluates the day', async () => {
    await pause(trader, { paused: false, reason: 'event passed' }).expect(200);
    await pause(trader, { paused: false, reason: 'event passed' }).expect(200);
    expect((await audit()).map((a) => a.action)).toEqual(['strategy.resume', 'strategy.pause']);
    await s.app.get(StrategyJobHandlers).evaluateEntry();
    const decisions = (await s.http().get('/api/decisions').set('cookie', viewer.cookie).expect(200)).body as { accountId: number }[];
    expect(decisions.filter((d) => d.accountId === s.accounts.kotakId)).toHaveLength(1);
  });
});
