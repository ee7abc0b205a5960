import { redactUrl } from '../../src/common/logging/query-redaction';
import { REDACTED, redactSecrets } from '../../src/common/logging/redaction';
import { UNAUTHENTICATED_INFO_PER_MINUTE } from '../../src/common/logging/request-log-level';
import { apiKeyFor, capturedLogs, linesLeaking, login, SecurityApp, startSecurityApp, TEST_SECRETS } from './security-app';

/** The request-log lines (pino-http) written since `from`, parsed. */
function requestLines(from: number): { level: number; req: { id: string; url: string; query: Record<string, unknown> }; res: { statusCode: number } }[] {
  return capturedLogs
    .slice(from)
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"req":') && l.includes('"res":'))
    .map((l) => JSON.parse(l));
}

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

  it('redacts credential-named query values in the request log (url and query), keeping the others', async () => {
    const admin = await login(s, 'admin');
    const key = await apiKeyFor(s, 'trader');
    const from = capturedLogs.length;
    await s.http().get(`/api/alerts?limit=5&token=${admin.sessionToken}&api_key=${key}&X-Api-Key=${key}&mcube_session=${admin.sessionToken}&access_token=${key}`).set('cookie', admin.cookie).set('x-request-id', 'query-redaction-1');
    const line = requestLines(from).find((l) => l.req.id === 'query-redaction-1');
    expect(line?.req.url).toBe(`/api/alerts?limit=5&token=${REDACTED}&api_key=${REDACTED}&X-Api-Key=${REDACTED}&mcube_session=${REDACTED}&access_token=${REDACTED}`);
    expect(line?.req.query).toEqual({ limit: '5', token: REDACTED, api_key: REDACTED, 'X-Api-Key': REDACTED, mcube_session: REDACTED, access_token: REDACTED });
    expect(linesLeaking([admin.sessionToken, key])).toEqual([]);
    expect(redactUrl('/x?side=BUY&password=p%20w&sig=1&a')).toBe(`/x?side=BUY&password=${REDACTED}&sig=${REDACTED}&a`);
  });

  it('never authenticates a credential sent in the query string: such requests are refused with 400', async () => {
    const admin = await login(s, 'admin');
    const key = await apiKeyFor(s, 'trader');
    for (const query of [`api_key=${key}`, `apikey=${key}`, `x-api-key=${key}`, `key=${key}`, `access_token=${key}`, `token=${admin.sessionToken}`, `session=${admin.sessionToken}`, `mcube_session=${admin.sessionToken}`, `authorization=Bearer%20${key}`]) {
      const res = await s.http().get(`/api/auth/me?${query}`);
      expect({ query: query.split('=')[0], status: res.status, code: res.body.code }).toEqual({ query: query.split('=')[0], status: 400, code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(res.body)).not.toContain(key);
    }
    // Even on the public login route and the docs, and with valid headers besides.
    expect((await s.http().post(`/api/auth/login?token=${admin.sessionToken}`).send({ username: 'admin', password: TEST_SECRETS.adminPassword })).status).toBe(400);
    expect((await s.http().get(`/api/docs-json?api_key=${key}`).set('cookie', admin.cookie)).status).toBe(400);
    // A key under a harmless name is just an unknown parameter: still no authentication, and still redacted.
    expect((await s.http().get(`/api/auth/me?q=${key}`)).status).toBe(401);
    expect((await s.http().get(`/api/alerts?limit=2&q[]=${key}`).set('cookie', admin.cookie)).status).toBe(400);
    expect(linesLeaking([admin.sessionToken, key])).toEqual([]);
  });

  it('logs 401s from unauthenticated noise below warn: the first few per minute at info, the rest at debug', async () => {
    const from = capturedLogs.length;
    for (let i = 0; i < 40; i += 1) await s.http().get('/api/accounts').set('x-request-id', `noise-${i}`).expect(401);
    const noise = requestLines(from).filter((l) => l.req.id.startsWith('noise-'));
    expect(noise).toHaveLength(40);
    expect(noise.filter((l) => l.level >= 40)).toEqual([]);
    // At most the per-minute allowance at info (twice if the burst straddles a minute).
    expect(noise.filter((l) => l.level === 30).length).toBeLessThanOrEqual(2 * UNAUTHENTICATED_INFO_PER_MINUTE);
    expect(noise.filter((l) => l.level === 20).length).toBeGreaterThanOrEqual(40 - 2 * UNAUTHENTICATED_INFO_PER_MINUTE);
    // Other client errors stay at warn.
    const at = capturedLogs.length;
    const admin = await login(s, 'admin');
    await s.http().get('/api/orders/not-an-id').set('cookie', admin.cookie).set('x-request-id', 'bad-id-1').expect(400);
    expect(requestLines(at).find((l) => l.req.id === 'bad-id-1')?.level).toBe(40);
  });
});
