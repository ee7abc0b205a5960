import { LoginThrottleEntity } from '../../src/modules/core/entities/login-throttle.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { SecurityApp, startSecurityApp, TEST_SECRETS } from './security-app';

const ATTACKER = '198.51.100.66';
const ADMIN_HOME = '203.0.113.10';
const OFFICE_PROXY = '192.0.2.1';

/** Cookie pairs of a response, ready to send back. */
function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, string> {
  return Object.fromEntries(([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []).map((c) => c.split(';')[0].split('=') as [string, string]));
}

describe('login throttle: no lock an attacker can turn on the real user', () => {
  let s: SecurityApp;
  const env = { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '5', LOGIN_BACKOFF_MAX_MINUTES: '15', LOGIN_ADDRESS_MAX_FAILURES: '20', LOGIN_ADDRESS_WINDOW_MINUTES: '15' };
  const attempt = (from: string, username: string, password: string, cookie?: string) => {
    const req = s.http().post('/api/auth/login').set('x-forwarded-for', from);
    return (cookie ? req.set('cookie', cookie) : req).send({ username, password });
  };

  beforeAll(async () => {
    s = await startSecurityApp({ env });
  });
  afterAll(() => s?.close());

  it('makes an attacker failing as admin wait, with growing waits, while the admin logs in from their own address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await attempt(ATTACKER, 'admin', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    const refused = await attempt(ATTACKER, 'admin', TEST_SECRETS.adminPassword);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);

    await attempt(ADMIN_HOME, 'admin', TEST_SECRETS.adminPassword).expect(200);
    const admin = await s.dataSource.getRepository(UserEntity).findOneByOrFail({ username: 'admin' });
    expect(admin.lockedUntil).toBeNull();

    // Once the wait is over, the next failure doubles it (1 min, then 2).
    await s.dataSource.getRepository(LoginThrottleEntity).update({ key: `user|${ATTACKER}|admin` }, { blockedUntil: new Date(Date.now() - 1) });
    await attempt(ATTACKER, 'admin', 'guess-after-wait').expect(401);
    const next = await attempt(ATTACKER, 'admin', TEST_SECRETS.adminPassword);
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(next.headers['retry-after'])).toBeLessThanOrEqual(120);
  });

  it('treats unknown usernames exactly like real ones', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await attempt(ATTACKER, 'nobody-here', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('limits one address spraying many usernames, but never a browser that has logged in as that user before', async () => {
    // A colleague behind the same office proxy logged in earlier: that browser is known for "trader".
    const earlier = await attempt(OFFICE_PROXY, 'trader', TEST_SECRETS.traderPassword).expect(200);
    const device = `mcube_device=${cookiesOf(earlier)['mcube_device']}`;
    expect(cookiesOf(earlier)['mcube_device']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const deviceCookie = ([] as string[]).concat(earlier.headers['set-cookie']).find((c) => c.startsWith('mcube_device=')) ?? '';
    expect(deviceCookie).toContain('HttpOnly');
    expect(deviceCookie).toContain('Path=/api/auth');

    // Someone else behind the proxy guesses the trader's password, then sprays usernames until the address is throttled.
    for (let i = 0; i < 5; i += 1) await attempt(OFFICE_PROXY, 'trader', `guess-${i}`).expect(401);
    for (let i = 0; i < 15; i += 1) await attempt(OFFICE_PROXY, `user${i}`, 'spray-guess').expect(401);
    expect((await attempt(OFFICE_PROXY, 'viewer', TEST_SECRETS.viewerPassword)).status).toBe(429);
    expect((await attempt(OFFICE_PROXY, 'trader', TEST_SECRETS.traderPassword)).status).toBe(429);
    // The trader's known browser is not slowed down by any of it.
    await attempt(OFFICE_PROXY, 'trader', TEST_SECRETS.traderPassword, device).expect(200);
    // A known browser for another user gives nothing for "viewer".
    expect((await attempt(OFFICE_PROXY, 'viewer', TEST_SECRETS.viewerPassword, device)).status).toBe(429);
  });

  it('keeps its counters across a restart of the API', async () => {
    for (let i = 0; i < 5; i += 1) await attempt('198.51.100.77', 'viewer', `guess-${i}`).expect(401);
    expect((await attempt('198.51.100.77', 'viewer', TEST_SECRETS.viewerPassword)).status).toBe(429);
    await s.stop();
    s = await startSecurityApp({ env, db: s.db });
    const after = await attempt('198.51.100.77', 'viewer', TEST_SECRETS.viewerPassword);
    expect(after.status).toBe(429);
    await attempt('198.51.100.78', 'viewer', TEST_SECRETS.viewerPassword).expect(200);
  });
});
