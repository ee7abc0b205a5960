import { capturedLogs, apiKeyFor, linesLeaking, login, SecurityApp, SessionAuth, startSecurityApp, TEST_SECRETS } from './security-app';
import { concretePath, isWrite, liveRoutes, LiveRoute } from './route-table';

/** Non-GET routes a viewer may call, because they change nothing of the trading state. */
const VIEWER_WRITES = ['POST /api/auth/logout', 'POST /api/auth/password'];
/** The only routes reachable without credentials (Telegram's webhook checks its own secret header). */
const PUBLIC_ROUTES = ['GET /health', 'POST /api/auth/login', 'POST /api/telegram/webhook'];

describe('route walk: every registered route is guarded', () => {
  let s: SecurityApp;
  let routes: LiveRoute[];
  let viewer: SessionAuth;
  let trader: SessionAuth;
  let viewerKey: string;
  const key = (r: LiveRoute) => `${r.method} ${r.path}`;

  beforeAll(async () => {
    s = await startSecurityApp();
    routes = liveRoutes(s.app);
    viewer = await login(s, 'viewer');
    trader = await login(s, 'trader');
    viewerKey = await apiKeyFor(s, 'viewer');
  });
  afterAll(async () => {
    await s?.close();
    expect(linesLeaking([TEST_SECRETS.viewerPassword, TEST_SECRETS.traderPassword, TEST_SECRETS.adminPassword, viewer?.sessionToken ?? '', viewerKey ?? ''])).toEqual([]);
  });

  it('finds the routes of every module on the live router, each backed by a Nest handler or the docs', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map(key)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/accounts', 'PUT /api/accounts/:id/credentials', 'PUT /api/accounts/:id/risk-limits', 'GET /api/docs-json']));
    const orphans = routes.filter((r) => !r.nest && !r.path.startsWith('/api/docs'));
    expect(orphans).toEqual([]);
  });

  it('marks exactly login, health and the Telegram webhook as public', () => {
    expect(routes.filter((r) => r.nest?.isPublic).map(key).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 without credentials on every non-public route, and never 401 on the public ones', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const res = await s.http()[r.method.toLowerCase() as 'get'](concretePath(r.path)).send({});
      const expectAuth = !r.nest?.isPublic;
      if (expectAuth && (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')) failures.push(`${key(r)} -> ${res.status}`);
      if (!expectAuth && res.status === 401) failures.push(`${key(r)} (public) -> 401`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 for a forged session cookie and a forged API key', async () => {
    for (const r of routes.filter((x) => !x.nest?.isPublic)) {
      const path = concretePath(r.path);
      const method = r.method.toLowerCase() as 'get';
      expect((await s.http()[method](path).set('cookie', 'mcube_session=' + 'A'.repeat(43))).status).toBe(401);
      expect((await s.http()[method](path).set('authorization', `Bearer mcube_AAAAAAAAAAAA_${'B'.repeat(43)}`)).status).toBe(401);
    }
  });

  it('lets a viewer call no write route except the listed ones, by session and by API key', async () => {
    const failures: string[] = [];
    const writes = routes.filter((r) => isWrite(r.method) && !r.nest?.isPublic);
    expect(writes.length).toBeGreaterThan(8);
    expect(writes.filter((r) => r.nest?.anyRoleWrite).map(key).sort()).toEqual([...VIEWER_WRITES].sort());
    for (const r of writes.filter((w) => !w.nest?.anyRoleWrite)) {
      const method = r.method.toLowerCase() as 'post';
      const path = concretePath(r.path);
      const bySession = await s.http()[method](path).set('cookie', viewer.cookie).set('x-csrf-token', viewer.csrfToken).send({});
      const byKey = await s.http()[method](path).set('x-api-key', viewerKey).send({});
      for (const [how, res] of [['session', bySession], ['api key', byKey]] as const) {
        if (res.status !== 403 || res.body.code !== 'FORBIDDEN') failures.push(`${key(r)} as viewer by ${how} -> ${res.status} ${res.body.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets a viewer read every non-admin GET route', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET' && x.nest && !x.nest.isPublic && x.nest.requiredRole !== 'admin')) {
      const res = await s.http().get(concretePath(r.path, { id: s.accounts.kotakId })).set('cookie', viewer.cookie);
      if (res.status === 401 || res.status === 403) failures.push(`${key(r)} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses admin-only routes to a trader with 403', async () => {
    const adminOnly = routes.filter((r) => r.nest?.requiredRole === 'admin');
    expect(adminOnly.map(key)).toEqual(expect.arrayContaining(['GET /api/users', 'POST /api/users', 'GET /api/audit-log', 'PUT /api/accounts/:id/credentials']));
    for (const r of adminOnly) {
      const res = await s.http()[r.method.toLowerCase() as 'get'](concretePath(r.path)).set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).send({});
      expect({ route: key(r), status: res.status }).toEqual({ route: key(r), status: 403 });
    }
  });

  it('refuses every cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => isWrite(x.method) && !x.nest?.isPublic)) {
      const method = r.method.toLowerCase() as 'post';
      const path = concretePath(r.path);
      const none = await s.http()[method](path).set('cookie', trader.cookie).send({});
      const wrong = await s.http()[method](path).set('cookie', trader.cookie).set('x-csrf-token', 'x'.repeat(43)).send({});
      for (const res of [none, wrong]) {
        if (res.status !== 403 || res.body.code !== 'CSRF_TOKEN_INVALID') failures.push(`${key(r)} -> ${res.status} ${res.body.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('serves the OpenAPI document only to an authenticated caller', async () => {
    expect((await s.http().get('/api/docs-json')).status).toBe(401);
    const res = await s.http().get('/api/docs-json').set('cookie', viewer.cookie).expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/health']));
  });

  it('keeps the captured log non-empty (the capture works)', () => {
    expect(capturedLogs.some((l) => l.includes('"req"'))).toBe(true);
  });
});
