import { REDACTED, redactSecrets } from '../../src/common/logging/redaction';
import { apiKeyFor, capturedLogs, linesLeaking, login, SecurityApp, startSecurityApp, TEST_SECRETS } from './security-app';

describe('secrets never reach the logs', () => {
  let s: SecurityApp;
  const secrets: string[] = [TEST_SECRETS.adminPassword, TEST_SECRETS.traderPassword, TEST_SECRETS.viewerPassword, TEST_SECRETS.credentialsKey, ...Object.values(TEST_SECRETS.kotak), ...Object.values(TEST_SECRETS.icici)];

  beforeAll(async () => {
    s = await startSecurityApp({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(() => s?.close());

  it('logs every request of a secret-heavy session at trace level without any secret in it', async () => {
    const admin = await login(s, 'admin');
    secrets.push(admin.sessionToken, admin.csrfToken);
    const key = await apiKeyFor(s, 'trader');
    secrets.push(key);
    const h = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    await s.http().put(`/api/accounts/${s.accounts.kotakId}/credentials`).set(h).send(TEST_SECRETS.kotak).expect(200);
    await s.http().put(`/api/accounts/${s.accounts.iciciId}/credentials`).set(h).send(TEST_SECRETS.icici).expect(200);
    // Malformed credentials: the validation message must not echo them either.
    await s.http().put(`/api/accounts/${s.accounts.iciciId}/credentials`).set(h).send({ ...TEST_SECRETS.icici, mpin: TEST_SECRETS.kotak.mpin }).expect(400);
    await s.http().put(`/api/accounts/${s.accounts.kotakId}/credentials`).set(h).send({ ...TEST_SECRETS.kotak, mobileNumber: 12345 }).expect(400);
    await s.http().post('/api/auth/login').send({ username: 'trader', password: TEST_SECRETS.adminPassword }).expect(401);
    await s.http().post('/api/auth/login').send({ username: TEST_SECRETS.kotak.ucc, password: TEST_SECRETS.traderPassword }).expect(401);
    await s.http().get('/api/auth/me').set('authorization', `Bearer ${key}`).expect(200);
    await s.http().get('/api/auth/me').set('x-api-key', key).expect(200);
    await s.http().get('/api/accounts').set('cookie', admin.cookie).expect(200);
    await s.http().get('/api/audit-log').set('cookie', admin.cookie).expect(200);

    expect(capturedLogs.length).toBeGreaterThan(10);
    expect(capturedLogs.some((l) => l.includes(REDACTED))).toBe(true);
    // The UCC doubles as a username above: only the login's own log would name it, and it must not.
    expect(linesLeaking(secrets)).toEqual([]);
  });

  it('redacts secret-named fields anywhere in a job payload, keeping the rest', () => {
    const payload = { accountId: 3, broker: 'KOTAK', credentials: { mpin: '1234' }, nested: [{ apiSecret: 's', qty: 75 }], headers: { Authorization: 'Bearer x', 'x-api-key': 'k' } };
    expect(redactSecrets(payload)).toEqual({ accountId: 3, broker: 'KOTAK', credentials: REDACTED, nested: [{ apiSecret: REDACTED, qty: 75 }], headers: { Authorization: REDACTED, 'x-api-key': REDACTED } });
    expect(payload.credentials.mpin).toBe('1234');
  });

  it('keeps error messages and stacks but drops SQL parameters', () => {
    const err = Object.assign(new Error('query failed'), { parameters: ['$argon2id$secret-hash'], code: 'SQLITE_ERROR' });
    const out = redactSecrets({ err }) as unknown as { err: Record<string, unknown> };
    expect(out.err).toMatchObject({ type: 'Error', message: 'query failed', code: 'SQLITE_ERROR' });
    expect(out.err['stack']).toEqual(expect.stringContaining('query failed'));
    expect(out.err).not.toHaveProperty('parameters');
  });
});
