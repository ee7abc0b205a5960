import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { BrokerSession } from '../../src/modules/orders/entities/broker-session.entity';
import { apiKeyFor, login, type SecurityApp, startSecurityApp } from '../security/security-app';

/** PUT/GET /api/accounts/:id/icici-session over the real HTTP stack (validation, roles, coded refusals). */
describe('the ICICI day-session endpoint (REST)', () => {
  let s: SecurityApp;
  beforeAll(async () => {
    s = await startSecurityApp();
  });
  afterAll(() => s?.close());

  it('refuses a malformed key with 400 VALIDATION_FAILED and stores nothing; a viewer cannot enter a key; a Kotak account takes none', async () => {
    const trader = await apiKeyFor(s, 'trader');
    const viewer = await apiKeyFor(s, 'viewer');
    const put = (id: number, body: unknown, key = trader) => s.http().put(`/api/accounts/${id}/icici-session`).set('x-api-key', key).send(body as object);
    for (const body of [{}, { sessionKey: '' }, { sessionKey: 'abc' }, { sessionKey: '12 34 56' }, { sessionKey: 12345678 }, { sessionKey: 'x'.repeat(65) }, { sessionKey: '12345678', extra: 1 }]) {
      const res = await put(s.accounts.iciciId, body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED']);
    }
    expect((await put(s.accounts.iciciId, { sessionKey: '12345678' }, viewer)).status).toBe(403);
    const kotak = await put(s.accounts.kotakId, { sessionKey: '12345678' });
    expect([kotak.status, kotak.body.code]).toEqual([422, 'DOMAIN_RULE_VIOLATED']);
    expect(await s.dataSource.getRepository(BrokerSession).count()).toBe(0);
    expect(await s.dataSource.getRepository(AuditLogEntity).count({ where: { action: 'broker.session.entered' } })).toBe(0);
  });

  it('GET shows the state without any secret; without stored ICICI credentials it says what is missing', async () => {
    const admin = await login(s, 'admin');
    const res = await s.http().get(`/api/accounts/${s.accounts.iciciId}/icici-session`).set('cookie', admin.cookie).expect(200);
    expect(res.body).toMatchObject({ accountId: s.accounts.iciciId, hasSessionToday: false });
    if (res.body.loginUrl === undefined) expect(res.body.problem).toMatch(/store the ICICI app key and secret first/);
    else expect(res.body.loginUrl).toMatch(/^https:\/\/api\.icicidirect\.com\/apiuser\/login\?api_key=/);
  });
});
