import { FixedClock } from '@mcube/domain';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { ReconciliationGate } from '../../src/modules/risk/context/reconciliation-gate';
import { SESSION_MS } from '../orders/gateway-harness';
import { startOrdersRestApp } from '../orders/orders-rest-app';
import { login, SecurityApp, SessionAuth } from '../security/security-app';

/** Issue 12.5: who may move the kill switch, and every endpoint reporting the effective state with its causes. */
describe('the kill switch: authority and truth over REST', () => {
  let s: SecurityApp;
  let admin: SessionAuth;
  let trader: SessionAuth;
  let viewer: SessionAuth;
  let gate: ReconciliationGate;

  beforeAll(async () => {
    ({ s } = await startOrdersRestApp(new FixedClock(SESSION_MS)));
    gate = s.app.get(ReconciliationGate, { strict: false });
    expect(gate.isReconciled(s.accounts.kotakId)).toBe(true);
    [admin, trader, viewer] = [await login(s, 'admin'), await login(s, 'trader'), await login(s, 'viewer')];
  });
  afterAll(async () => {
    await s?.close();
  });

  const kill = (who: SessionAuth, body: object) => s.http().post('/api/risk/kill-switch').set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send(body);
  const stored = () => s.dataSource.getRepository(BrokerAccount).findOneByOrFail({ id: s.accounts.kotakId });
  const audits = () => s.dataSource.getRepository(AuditLogEntity).count({ where: { action: 'KILL_SWITCH' } });
  const kotak = { accountId: 0 };
  beforeAll(() => (kotak.accountId = s.accounts.kotakId));

  it('lets a trader halt an account and lift their own halt', async () => {
    const halted = await kill(trader, { ...kotak, state: 'HALTED', reason: 'trader halts' }).expect(200);
    expect(halted.body[0]).toMatchObject({ tradingState: 'HALTED', killSwitch: { state: 'HALTED', setByRole: 'trader', setBy: s.users.trader.username } });
    const resumed = await kill(trader, { ...kotak, state: 'ACTIVE', reason: 'trader resumes' }).expect(200);
    expect(resumed.body).toEqual([{ id: s.accounts.kotakId, tradingState: 'ACTIVE', tradingStateCauses: [], killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null } }]);
  });

  it("never lets a trader lift an admin's HALTED, even after restating or tightening it; an admin lifts it (fails on main: 200)", async () => {
    await kill(admin, { ...kotak, state: 'REDUCING', reason: 'admin reduces' }).expect(200);
    await kill(trader, { ...kotak, state: 'HALTED', reason: 'trader tightens' }).expect(200);
    expect(await stored()).toMatchObject({ tradingState: 'HALTED', tradingStateSetByRole: 'admin', tradingStateSetBy: s.users.admin.username });
    const before = await audits();
    for (const state of ['ACTIVE', 'REDUCING']) {
      const refused = await kill(trader, { ...kotak, state, reason: 'trader lifts' }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/only an admin lifts it/) });
    }
    expect((await stored()).tradingState).toBe('HALTED');
    expect(await audits()).toBe(before);
    await kill(admin, { ...kotak, state: 'ACTIVE', reason: 'admin lifts' }).expect(200);
    expect((await stored()).tradingState).toBe('ACTIVE');
  });

  it('lets a trader halt every account at once but only an admin resume them all (a trader could resume all before)', async () => {
    expect((await kill(viewer, { state: 'HALTED', reason: 'viewer halts all' })).status).toBe(403);
    const all = await kill(trader, { state: 'HALTED', reason: 'trader halts all in a panic' }).expect(200);
    expect(all.body.map((a: { id: number; tradingState: string }) => [a.id, a.tradingState])).toEqual([
      [s.accounts.kotakId, 'HALTED'],
      [s.accounts.iciciId, 'HALTED'],
    ]);
    expect((await kill(trader, { state: 'ACTIVE', reason: 'trader resumes all' })).status).toBe(403);
    // What a trader set, a trader may lift, one account at a time.
    await kill(trader, { ...kotak, state: 'ACTIVE', reason: 'trader resumes one' }).expect(200);
    await kill(admin, { state: 'ACTIVE', reason: 'admin resumes all' }).expect(200);
  });

  it('reports the effective state with its causes everywhere: ACTIVE on the switch while unreconciled is REDUCING (fails on main: ACTIVE)', async () => {
    gate.markUnreconciled(s.accounts.kotakId, false);
    try {
      const set = await kill(admin, { ...kotak, state: 'ACTIVE', reason: 'resume while unreconciled' }).expect(200);
      const expected = { tradingState: 'REDUCING', tradingStateCauses: ['UNRECONCILED'], killSwitch: { state: 'ACTIVE', setByRole: null, setBy: null } };
      expect(set.body).toEqual([{ id: s.accounts.kotakId, ...expected }]);
      const accounts = await s.http().get('/api/accounts').set('cookie', viewer.cookie).expect(200);
      expect(accounts.body.find((a: { id: number }) => a.id === s.accounts.kotakId)).toMatchObject(expected);
      const summaries = await s.http().get('/api/accounts/summary').set('cookie', viewer.cookie).expect(200);
      expect(summaries.body.find((a: { accountId: number }) => a.accountId === s.accounts.kotakId)).toMatchObject(expected);
      // The other account is reconciled and plainly ACTIVE.
      expect(accounts.body.find((a: { id: number }) => a.id === s.accounts.iciciId)).toMatchObject({ tradingState: 'ACTIVE', tradingStateCauses: [] });
    } finally {
      gate.markReconciled(s.accounts.kotakId);
    }
  });
});
