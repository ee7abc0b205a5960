import { epochMsOfIst, FixedClock } from '@mcube/domain';
import type { DecisionResponse, EntryEvaluationResponse } from '@mcube/contracts';
import { StrategyJobHandlers } from '../../src/modules/strategies/runtime/strategy-job-handlers';
import { login, SecurityApp, SessionAuth, startSecurityApp } from '../security/security-app';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

const DAY = '2026-03-11';
/** Filters opened wide except the event calendar (5 days ahead, the plan's): only an event can stop this entry. */
const ONLY_EVENTS = { maxGiftNiftyChangePct: 10, maxUsChangePct: 10, maxNifty1dChangePct: 10, maxNifty3dChangePct: 20, maxVix: 100, eventLookaheadDays: 5 };

/**
 * Issue 11 §5: the strangle's event filter reads the stored, editable calendar (`POST
 * /api/events`), not the market source's own events. On main a HIGH event added over REST left
 * `highImportanceEvents` empty and the entry went ahead.
 */
describe("the strangle's event filter reads the stored calendar", () => {
  let s: SecurityApp;
  let admin: SessionAuth;
  const clock = new FixedClock(epochMsOfIst(DAY, '10:00'));
  const evaluation = async () => (await s.http().get(`/api/strategies/kotak-strangle/evaluation?accountId=${s.accounts.kotakId}`).set('cookie', admin.cookie).expect(200)).body as EntryEvaluationResponse;
  const eventFilter = (e: EntryEvaluationResponse) => e.filters.find((f) => f.name === 'EVENT_CALENDAR');
  const write = (method: 'post' | 'put', path: string, body: object) => s.http()[method](path).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send(body);

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: WALL_CLOCK, useValue: clock }, { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) }] });
    admin = await login(s, 'admin');
    await write('put', `/api/strategy-configs/${s.strategyConfigs.strangleId}/parameters`, ONLY_EVENTS).expect(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('passes with an empty stored calendar, fails on a HIGH event added through REST, and the 10:00 entry SKIPs for it', async () => {
    const before = await evaluation();
    expect(eventFilter(before)).toMatchObject({ passed: true });
    // Every filter passes: the event below is what makes this entry SKIP.
    expect([before.decision, before.reasonCode]).toEqual(['ENTER', 'ALL_CHECKS_PASSED']);
    expect((before.evaluation['market'] as { highImpactEvents: unknown[] }).highImpactEvents).toEqual([]);

    await write('post', '/api/events', { title: 'RBI policy decision (test)', importance: 'HIGH', eventDate: '2026-03-13' }).expect(201);
    // A MEDIUM event does not count.
    await write('post', '/api/events', { title: 'Auto sales (test)', importance: 'MEDIUM', eventDate: '2026-03-12' }).expect(201);

    const after = await evaluation();
    expect(eventFilter(after)).toMatchObject({ passed: false, message: expect.stringContaining('RBI policy decision (test)') });
    expect((after.evaluation['market'] as { highImpactEvents: unknown[] }).highImpactEvents).toEqual([{ date: '2026-03-13', title: 'RBI policy decision (test)' }]);
    expect(after.decision).toBe('SKIP');

    await s.app.get(StrategyJobHandlers).evaluateEntry();
    const [decision] = (await s.http().get(`/api/decisions?accountId=${s.accounts.kotakId}&date=${DAY}`).set('cookie', admin.cookie).expect(200)).body as DecisionResponse[];
    expect(decision).toMatchObject({ kind: 'SKIP', decision: 'SKIPPED' });
    const journalled = (decision.inputs['evaluation'] as { filters: { filters: { name: string; passed: boolean }[] } }).filters.filters;
    expect(journalled.find((f) => f.name === 'EVENT_CALENDAR')?.passed).toBe(false);
    expect((await s.http().get('/api/orders').set('cookie', admin.cookie).expect(200)).body).toEqual([]);
  });
});
