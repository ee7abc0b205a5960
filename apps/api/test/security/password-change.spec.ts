import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { ApiKeyEntity } from '../../src/modules/core/entities/api-key.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { REST_ENTRY_BODY } from '../orders/orders-rest-app';
import { apiKeyFor, login, SecurityApp, startSecurityApp, TEST_SECRETS } from './security-app';
import { concretePath, liveRoutes } from './route-table';

/** The only routes a user with a set-for-you password may call. */
const BEFORE_CHANGE = ['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password'];

describe('password change', () => {
  let s: SecurityApp;
  const change = (cookie: string, csrf: string, currentPassword: string, newPassword: string) =>
    s.http().post('/api/auth/password').set('cookie', cookie).set('x-csrf-token', csrf).send({ currentPassword, newPassword });

  beforeAll(async () => {
    s = await startSecurityApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => s?.close());

  it('is refused to an API key, even one of the same user: only a console session changes a password', async () => {
    const viewerKeyOfAdmin = await apiKeyFor(s, 'viewer');
    const res = await s.http().post('/api/auth/password').set('x-api-key', viewerKeyOfAdmin).send({ currentPassword: TEST_SECRETS.adminPassword, newPassword: 'Taken-over-by-a-key-1' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SESSION_REQUIRED');
    const adminKey = await apiKeyFor(s, 'admin');
    expect((await s.http().post('/api/auth/password').set('authorization', `Bearer ${adminKey}`).send({ currentPassword: TEST_SECRETS.adminPassword, newPassword: 'Taken-over-by-a-key-1' })).status).toBe(403);
    await s.http().post('/api/auth/login').send({ username: 'admin', password: TEST_SECRETS.adminPassword }).expect(200);
  });

  it('throttles wrong current passwords like logins: 15 guesses get 429 with Retry-After, and the right one waits too', async () => {
    const trader = await login(s, 'trader');
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      statuses.push((await change(trader.cookie, trader.csrfToken, `wrong-guess-${i}`, 'Trader-new-pass-777').set('x-forwarded-for', '198.51.100.20')).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(10).fill(429));
    const right = await change(trader.cookie, trader.csrfToken, TEST_SECRETS.traderPassword, 'Trader-new-pass-777').set('x-forwarded-for', '198.51.100.20');
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // The same counter as the login form from that address…
    expect((await s.http().post('/api/auth/login').set('x-forwarded-for', '198.51.100.20').send({ username: 'trader', password: TEST_SECRETS.traderPassword })).status).toBe(429);
    // …but never the real user elsewhere.
    await s.http().post('/api/auth/login').set('x-forwarded-for', '203.0.113.5').send({ username: 'trader', password: TEST_SECRETS.traderPassword }).expect(200);
  });

  it('ends every session of the user, revokes their API keys, and refuses the old password', async () => {
    const viewer = await login(s, 'viewer');
    const other = await login(s, 'viewer');
    await s.dataSource.getRepository(ApiKeyEntity).insert({ prefix: 'viewerownkey', keyHash: 'f'.repeat(64), name: 'viewer script', userId: s.users.viewer.id, role: 'viewer', lastUsedAt: null, revokedAt: null });
    await change(viewer.cookie, viewer.csrfToken, TEST_SECRETS.viewerPassword, TEST_SECRETS.viewerPassword).expect(400);
    await change(viewer.cookie, viewer.csrfToken, TEST_SECRETS.viewerPassword, 'Viewer-new-pass-2027').expect(204);
    await s.http().get('/api/auth/me').set('cookie', other.cookie).expect(401);
    await s.http().get('/api/auth/me').set('cookie', viewer.cookie).expect(401);
    const keys = await s.dataSource.getRepository(ApiKeyEntity).find({ where: { userId: s.users.viewer.id } });
    expect(keys.map((k) => k.revokedAt !== null)).toEqual([true]);
    await s.http().post('/api/auth/login').send({ username: 'viewer', password: TEST_SECRETS.viewerPassword }).expect(401);
    await s.http().post('/api/auth/login').send({ username: 'viewer', password: 'Viewer-new-pass-2027' }).expect(200);
    // Through the entity, not raw SQL: a `?` placeholder is SQLite's only (PostgreSQL wants $1).
    const audit = await s.dataSource.getRepository(AuditLogEntity).find({ where: { action: 'user.password-change', entityId: String(s.users.viewer.id) } });
    expect(audit.map((a) => JSON.parse(a.newValue ?? 'null'))).toEqual([{ passwordChanged: true, apiKeysRevoked: 1 }]);
  });
});

describe('a password set for the user (mustChangePassword)', () => {
  let s: SecurityApp;

  beforeAll(async () => {
    s = await startSecurityApp({ beforeBoot: (ds, seeded) => ds.getRepository(UserEntity).update({ id: seeded.users.trader.id }, { mustChangePassword: true }).then(() => undefined) });
  });
  afterAll(() => s?.close());

  it('lets only the password change, logout and who-am-I answer; every other route is 403 PASSWORD_CHANGE_REQUIRED', async () => {
    const trader = await login(s, 'trader');
    const failures: string[] = [];
    const routes = liveRoutes(s.app).filter((r) => r.nest && !r.nest.isPublic);
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes.filter((x) => !BEFORE_CHANGE.includes(`${x.method} ${x.path}`))) {
      const res = await s.http()[r.method.toLowerCase() as 'post'](concretePath(r.path)).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send({});
      if (res.status !== 403 || res.body.code !== 'PASSWORD_CHANGE_REQUIRED') failures.push(`${r.method} ${r.path} -> ${res.status} ${res.body.code}`);
    }
    expect(failures).toEqual([]);
    expect((await s.http().get('/api/docs-json').set('cookie', trader.cookie)).status).toBe(403);
    const me = await s.http().get('/api/auth/me').set('cookie', trader.cookie).expect(200);
    expect(me.body.user.mustChangePassword).toBe(true);
  });

  it('refuses to place an order until the password is changed, then accepts it', async () => {
    const trader = await login(s, 'trader');
    const post = (who: typeof trader) => s.http().post('/api/orders').set('cookie', who.cookie).set('x-csrf-token', who.csrfToken).send({ ...REST_ENTRY_BODY, accountId: s.accounts.kotakId, idempotencyKey: 'must-change-1' });
    const refused = await post(trader);
    expect([refused.status, refused.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    expect(await s.dataSource.getRepository(Order).count()).toBe(0);
    await s.http().post('/api/auth/password').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send({ currentPassword: TEST_SECRETS.traderPassword, newPassword: 'Trader-chosen-pass-1' }).expect(204);
    const fresh = await s.http().post('/api/auth/login').send({ username: 'trader', password: 'Trader-chosen-pass-1' }).expect(200);
    expect(fresh.body.user.mustChangePassword).toBe(false);
    const cookie = ([] as string[]).concat(fresh.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');
    const after = await post({ cookie, csrfToken: fresh.body.csrfToken as string, sessionToken: '' });
    expect(after.status).not.toBe(403);
  });

  it('applies to the API keys of such a user as well', async () => {
    await s.dataSource.getRepository(UserEntity).update({ id: s.users.viewer.id }, { mustChangePassword: true });
    const key = await apiKeyFor(s, 'viewer');
    // The key is the admin's (viewer role): unaffected. A key of the flagged user is not.
    await s.http().get('/api/accounts').set('x-api-key', key).expect(200);
    await s.dataSource.getRepository(ApiKeyEntity).update({ name: 'viewer-key' }, { userId: s.users.viewer.id });
    const res = await s.http().get('/api/accounts').set('x-api-key', key);
    expect([res.status, res.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
  });
});
