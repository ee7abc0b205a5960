import { epochMsOfIst } from '@mcube/domain';
import { MARKET_CLOCK } from '../../src/modules/core/clock/clock.token';
import { login, startSecurityApp, type SecurityApp, type SessionAuth } from '../security/security-app';

// The ICICI strategy's "what would it do now" over REST (issue 13, contracts): every workflow
// step in its contract shape (`FuturesEvaluationResponse`), on the market clock; never trades.
describe('GET /api/strategies/icici-futures/evaluation', () => {
  let s: SecurityApp;
  let viewer: SessionAuth;
  let nowMs = epochMsOfIst('2026-03-10', '10:00:00');

  beforeAll(async () => {
    s = await startSecurityApp({ overrides: [{ provide: MARKET_CLOCK, useValue: { nowMs: () => nowMs } }] });
    viewer = await login(s, 'viewer');
  }, 60_000);
  afterAll(() => s.close());

  const evaluate = () => s.http().get(`/api/strategies/icici-futures/evaluation?accountId=${s.accounts.iciciId}`).set('cookie', viewer.cookie).expect(200);

  it('in the window: the morning check, the window and the screen with each drop and its reason', async () => {
    const { body } = await evaluate();
    expect(Object.keys(body).sort()).toEqual(['accountId', 'date', 'decision', 'evaluatedAtMs', 'morningCheck', 'openApprovalIds', 'plans', 'reason', 'reasonCode', 'screen', 'time', 'window']);
    expect(body).toMatchObject({
      evaluatedAtMs: nowMs,
      date: '2026-03-10',
      time: '10:00:00',
      accountId: String(s.accounts.iciciId),
      decision: 'SKIP',
      reasonCode: 'NO_CANDIDATE',
      morningCheck: { action: 'EVALUATE_ENTRY', allowNewEntry: true, reason: expect.any(String) },
      window: { isTradingDay: true, start: '09:30', end: '11:30', inWindow: true },
      openApprovalIds: [],
      plans: [],
    });
    // The screen as the screener shows a stored one: nothing more (the library's liquidity figures stay out).
    expect(Object.keys(body.screen).sort()).toEqual(['candidates', 'dropped', 'lastSession', 'universe']);
    expect(body.screen.universe.length).toBeGreaterThan(0);
    for (const m of body.screen.universe) expect(Object.keys(m)).toEqual(['underlying']);
    expect(body.screen.dropped.map((d: { underlying: string }) => d.underlying)).toEqual(body.screen.universe.map((m: { underlying: string }) => m.underlying));
    for (const d of body.screen.dropped) expect(d).toMatchObject({ code: expect.any(String), reason: expect.any(String) });
  });

  it('outside the window: SKIP with the window, no screen', async () => {
    nowMs = epochMsOfIst('2026-03-10', '14:00:00');
    const { body } = await evaluate();
    expect(body).toMatchObject({ decision: 'SKIP', reasonCode: 'OUTSIDE_ENTRY_WINDOW', window: { isTradingDay: true, inWindow: false }, screen: null, plans: [] });
  });
});
