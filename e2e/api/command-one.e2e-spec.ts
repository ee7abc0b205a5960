import { freshEnv, runInit, RunningApi, startApi } from './built-api';

// README command 1 in miniature: the built init and API on a fresh data folder, in paper mode.
describe('the built API as command 1 runs it', () => {
  let api: RunningApi | undefined;

  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });

  it('initialises once, serves the console and the authenticated API in paper mode', async () => {
    const env = await freshEnv({ MCUBE_ADMIN_PASSWORD: 'e2e-admin-password-1' });
    const first = runInit(env);
    expect(first).toMatch(/Accounts created: 2/);
    expect(first).toMatch(/created with MCUBE_ADMIN_PASSWORD/);
    const second = runInit(env);
    expect(second).toMatch(/Accounts created: 0/);
    expect(second).toMatch(/already exists/);

    api = await startApi(env);
    const page = await fetch(`${api.baseUrl}/dashboard`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<mc-root>');

    expect((await fetch(`${api.baseUrl}/api/accounts`)).status).toBe(401);
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'e2e-admin-password-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    const accounts = await fetch(`${api.baseUrl}/api/accounts`, { headers: { cookie } });
    expect(accounts.status).toBe(200);
    const body = (await accounts.json()) as { broker: string; isPaperTrading: boolean }[];
    expect(body.map((a) => a.broker).sort()).toEqual(['ICICI', 'KOTAK']);
    expect(body.every((a) => a.isPaperTrading)).toBe(true);
    expect(api.output()).not.toContain('e2e-admin-password-1');
  });

  it('runs the Kotak strangle on the schedule: the 10:00 entry decision appears in GET /api/decisions', async () => {
    // 375x = a trading session per real minute: the market opens at 09:15 of the previous
    // trading day, so the 10:00 evaluation (always journalled: ENTER, SKIP or monitor-only)
    // is due about 7 s after the boot. Polled until it appears (bounded by the test timeout).
    const env = await freshEnv({ MCUBE_ADMIN_PASSWORD: 'e2e-admin-password-2', MCUBE_SIM_SPEED: '375' });
    runInit(env);
    api = await startApi(env);
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'e2e-admin-password-2' }),
    });
    const cookie = (login.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    let decisions: { kind: string; decision: string; reasonCode: string | null; inputs: Record<string, unknown> }[] = [];
    while (decisions.length === 0) {
      await new Promise((r) => setTimeout(r, 500));
      const res = await fetch(`${api.baseUrl}/api/decisions?limit=500`, { headers: { cookie } });
      expect(res.status).toBe(200);
      decisions = (await res.json()) as typeof decisions;
    }
    const morning = decisions.find((d) => d.inputs['evaluation'] !== undefined);
    expect(morning).toBeDefined();
    expect(['ENTER', 'SKIPPED', 'MONITOR_ONLY']).toContain(morning!.decision);
    expect(morning!.reasonCode).toBeTruthy();
  });

  it('prints a one-time admin password once when none is configured, and it logs in', async () => {
    const env = await freshEnv();
    const out = runInit(env);
    const match = /One-time password[^\n]*\n\s+(\S+)/.exec(out);
    expect(match).not.toBeNull();
    expect(runInit(env)).not.toContain(match![1]);

    api = await startApi(env);
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: match![1] }),
    });
    expect(login.status).toBe(200);
  });
});
