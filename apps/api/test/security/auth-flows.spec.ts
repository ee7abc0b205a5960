import { createHash } from 'node:crypto';
import { ApiKeyEntity } from '../../src/modules/core/entities/api-key.entity';
import { SessionEntity } from '../../src/modules/core/entities/session.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { dumpDatabase, linesLeaking, login, SecurityApp, startSecurityApp, TEST_SECRETS } from './security-app';

describe('authentication flows', () => {
  let s: SecurityApp;
  const users = () => s.dataSource.getRepository(UserEntity);

  beforeAll(async () => {
    s = await startSecurityApp();
  });
  afterAll(async () => {
    await s?.close();
    expect(linesLeaking([TEST_SECRETS.adminPassword, TEST_SECRETS.traderPassword, TEST_SECRETS.viewerPassword])).toEqual([]);
  });

  it('stores passwords as argon2id hashes only', async () => {
    for (const u of await users().find()) expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    const dump = JSON.stringify(await dumpDatabase(s.dataSource));
    expect(dump).not.toContain(TEST_SECRETS.adminPassword);
  });

  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie on login', async () => {
    const res = await s.http().post('/api/auth/login').send({ username: 'viewer', password: TEST_SECRETS.viewerPassword }).expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie']);
    const session = cookies.find((c) => c.startsWith('mcube_session='));
    const csrf = cookies.find((c) => c.startsWith('mcube_csrf='));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toMatch(/; Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(res.body.csrfToken).toEqual(csrf?.split(';')[0].split('=')[1]);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const token = session?.split(';')[0].split('=')[1] ?? '';
    const stored = await s.dataSource.getRepository(SessionEntity).find();
    expect(stored.map((x) => x.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await s.http().post('/api/auth/login').send({ username: 'nobody', password: 'whatever-password' });
    const wrong = await s.http().post('/api/auth/login').send({ username: 'viewer', password: 'whatever-password' });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body.message).toEqual(wrong.body.message);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('never locks the account: after 5 failures from one address that address waits (429, Retry-After), others log in', async () => {
    const throttled = await startSecurityApp({ env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '5' } });
    try {
      const from = (ip: string) => throttled.http().post('/api/auth/login').set('x-forwarded-for', ip);
      for (let i = 0; i < 5; i += 1) await from('198.51.100.1').send({ username: 'trader', password: `wrong-${i}` }).expect(401);
      const res = await from('198.51.100.1').send({ username: 'trader', password: TEST_SECRETS.traderPassword });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await from('198.51.100.2').send({ username: 'trader', password: TEST_SECRETS.traderPassword }).expect(200);
      await from('198.51.100.1').send({ username: 'admin', password: TEST_SECRETS.adminPassword }).expect(200);
      // COUNT(*) is a bigint, returned as text, on PostgreSQL.
      expect((await throttled.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'user.lock'`)).map((r: { n: number | string }) => Number(r.n))).toEqual([0]);
    } finally {
      await throttled.close();
    }
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const a = await login(s, 'viewer');
    await s.http().get('/api/auth/me').set('cookie', a.cookie).expect(200);
    await s.http().post('/api/auth/logout').set('cookie', a.cookie).set('x-csrf-token', a.csrfToken).expect(204);
    await s.http().get('/api/auth/me').set('cookie', a.cookie).expect(401);
  });

  it('returns the caller and the CSRF token from /api/auth/me', async () => {
    const a = await login(s, 'viewer');
    const me = await s.http().get('/api/auth/me').set('cookie', a.cookie).expect(200);
    expect(me.body).toMatchObject({ via: 'session', role: 'viewer', csrfToken: a.csrfToken, user: { username: 'viewer' } });
  });

  it('shows an API key once, stores only its SHA-256, and accepts it as Bearer or x-api-key', async () => {
    const admin = await login(s, 'admin');
    const created = await s.http().post('/api/api-keys').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ name: 'report', role: 'trader' }).expect(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^mcube_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const row = await s.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id: created.body.id });
    expect(row.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(await dumpDatabase(s.dataSource))).not.toContain(key);
    const list = await s.http().get('/api/api-keys').set('cookie', admin.cookie).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(list.body[0]).not.toHaveProperty('keyHash');
    expect((await s.http().get('/api/auth/me').set('authorization', `Bearer ${key}`).expect(200)).body).toMatchObject({ via: 'api-key', role: 'trader', csrfToken: null });
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(200);
    // API-key writes need no CSRF token.
    await s.http().put(`/api/accounts/${s.accounts.kotakId}/risk-limits`).set('x-api-key', key).send({ maxDrawdownPct: 0.14 }).expect(200);
    await s.http().delete(`/api/api-keys/${created.body.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).expect(204);
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(401);
  });

  it('records when a key was last used, at most once a minute of wall time (no commit per request)', async () => {
    const admin = await login(s, 'admin');
    const created = await s.http().post('/api/api-keys').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ name: 'script', role: 'viewer' }).expect(201);
    const key = created.body.key as string;
    const lastUsed = async () => (await s.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id: created.body.id })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(200);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    // Pretend the first use was 30 s ago: a use now leaves it as it is.
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await s.dataSource.getRepository(ApiKeyEntity).update({ id: created.body.id }, { lastUsedAt: thirtySecondsAgo });
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(200);
    expect((await lastUsed())?.getTime()).toBe(thirtySecondsAgo.getTime());
    // Two minutes ago: the next use moves it to now.
    await s.dataSource.getRepository(ApiKeyEntity).update({ id: created.body.id }, { lastUsedAt: new Date(Date.now() - 120_000) });
    const before = Date.now();
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(200);
    expect((await lastUsed())?.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('refuses a key stronger than its creator', async () => {
    const trader = await login(s, 'trader');
    const res = await s.http().post('/api/api-keys').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send({ name: 'too-strong', role: 'admin' });
    expect(res.status).toBe(403);
  });

  it('lets an admin create users with a role, and deactivation ends their sessions and keys', async () => {
    const admin = await login(s, 'admin');
    const created = await s.http().post('/api/users').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ username: 'Temp.User', password: 'Temp-user-pass-123', role: 'trader' }).expect(201);
    expect(created.body).toMatchObject({ username: 'temp.user', role: 'trader', isActive: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    await s.http().post('/api/users').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ username: 'temp.user', password: 'Temp-user-pass-123', role: 'viewer' }).expect(409);
    const first = await s.http().post('/api/auth/login').send({ username: 'temp.user', password: 'Temp-user-pass-123' }).expect(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const firstCookie = ([] as string[]).concat(first.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');
    await s.http().post('/api/auth/password').set('cookie', firstCookie).set('x-csrf-token', first.body.csrfToken).send({ currentPassword: 'Temp-user-pass-123', newPassword: 'Temp-user-own-pass-456' }).expect(204);
    const tmp = await s.http().post('/api/auth/login').send({ username: 'temp.user', password: 'Temp-user-own-pass-456' }).expect(200);
    const cookie = ([] as string[]).concat(tmp.headers['set-cookie']).map((c) => c.split(';')[0]).join('; ');
    const key = (await s.http().post('/api/api-keys').set('cookie', cookie).set('x-csrf-token', tmp.body.csrfToken).send({ name: 'temp' }).expect(201)).body.key as string;
    await s.http().patch(`/api/users/${created.body.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ isActive: false }).expect(200);
    await s.http().get('/api/auth/me').set('cookie', cookie).expect(401);
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(401);
    await s.http().post('/api/auth/login').send({ username: 'temp.user', password: 'Temp-user-own-pass-456' }).expect(401);
    const audit = await s.dataSource.query(`SELECT old_value, new_value FROM audit_log WHERE action = 'user.update' AND entity_id = ${s.dataSource.options.type === 'postgres' ? '$1' : '?'}`, [String(created.body.id)]);
    // Text on SQLite, jsonb (already parsed) on PostgreSQL.
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(audit.map((a: { old_value: unknown; new_value: unknown }) => [json(a.old_value), json(a.new_value)])).toEqual([[{ role: 'trader', isActive: true }, { role: 'trader', isActive: false }]]);
  });

  it('does not let an admin demote or deactivate themselves', async () => {
    const admin = await login(s, 'admin');
    const res = await s.http().patch(`/api/users/${s.users.admin.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ role: 'viewer' });
    expect(res.status).toBe(409);
  });

  it('changes the own password after checking the current one and ends the sessions', async () => {
    const viewer = await login(s, 'viewer');
    const headers = { cookie: viewer.cookie, 'x-csrf-token': viewer.csrfToken };
    await s.http().post('/api/auth/password').set(headers).send({ currentPassword: 'wrong-password', newPassword: 'Another-long-pass-99' }).expect(401);
    await s.http().post('/api/auth/password').set(headers).send({ currentPassword: TEST_SECRETS.viewerPassword, newPassword: 'Another-long-pass-99' }).expect(204);
    await s.http().get('/api/auth/me').set('cookie', viewer.cookie).expect(401);
    await s.http().post('/api/auth/login').send({ username: 'viewer', password: 'Another-long-pass-99' }).expect(200);
  });
});
