import { randomBytes } from 'crypto';
import { statSync } from 'fs';
import { IciciBreezeFakeServer } from '@mcube/brokers-icici-breeze/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { expectText, launchChromium, logIn, openConsole, PageProblems, screenshot, unexpectedConsoleErrors, VIEWPORTS } from './console-browser';

const ADMIN_PASSWORD = 'e2e-console-admin-pass-1';
const VIEWER = { username: 'watcher', password: 'e2e-console-viewer-pass-1' };
const VIEWER_NEW_PASSWORD = 'e2e-viewer-own-pass-2';
/** The ICICI app key and secret the admin stores; the local Breeze server signs with them. */
const BREEZE_KEY = 'e2e-breeze-key';
const BREEZE_SECRET = 'e2e-breeze-secret-' + randomBytes(6).toString('hex');

interface ListedAccount {
  broker: string;
  name: string;
  allocatedCapitalPaise: number;
}

// The built console served by the built API (README command 1) in a headless Chromium.
describe('the web console in a browser', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let breeze: IciciBreezeFakeServer;

  beforeAll(async () => {
    // ICICI's hosts point at a local Breeze server (checksum-verifying) for the day-session form.
    breeze = await IciciBreezeFakeServer.start({ appKey: BREEZE_KEY, secretKey: BREEZE_SECRET });
    const env = await freshEnv({
      MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      ICICI_BREEZE_API_URL: breeze.apiUrl,
      ICICI_BREEZE_V2_URL: breeze.v2Url,
      ICICI_BREEZE_LOGIN_URL: breeze.loginUrl,
      ICICI_BREEZE_SECURITY_MASTER_URL: breeze.securityMasterUrl,
    });
    runInit(env);
    api = await startApi(env);
    browser = await launchChromium();
    ({ context, page, problems } = await openConsole(browser, api.baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
    await breeze?.stop();
  });

  it('sends a visitor to the login page and refuses a wrong password', async () => {
    await page.goto('/strategy');
    await page.waitForURL(/\/login\?returnUrl=%2Fstrategy/);
    await page.fill('#username', 'admin');
    await page.fill('#password', 'not-the-password-at-all');
    await page.click('button[type=submit]');
    await expectText(page, '[data-testid=login-error]', /./);
    expect(page.url()).toContain('/login');
  });

  it('logs an admin in and shows both accounts on the dashboard, paper trading', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    const accounts = (await (await page.request.get('/api/accounts')).json()) as ListedAccount[];
    expect(accounts.map((a) => a.broker).sort()).toEqual(['ICICI', 'KOTAK']);
    const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
    for (const a of accounts) {
      const card = page.locator(`[data-testid=account-card-${a.broker}]`);
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain(a.name);
      expect(text).toContain(rupees.format(a.allocatedCapitalPaise / 100));
      expect(text).toContain('Paper');
    }
  });

  it('shows the live connection state and settles instead of looping', async () => {
    const indicator = page.locator('[data-testid=connection-indicator]');
    await indicator.waitFor();
    await page.waitForSelector('[data-testid=connection-indicator]:is([data-state=online], [data-state=offline])', { timeout: 10_000 });
    const socketErrors = () => problems.consoleErrors.filter((e) => e.includes('WebSocket')).length;
    const before = socketErrors();
    await page.waitForTimeout(2500);
    // With backoff (1 s, 2 s, 4 s …) a missing socket fails at most a couple of times in 2.5 s.
    expect(socketErrors() - before).toBeLessThanOrEqual(2);
  });

  it('shows an invalid strategy parameter next to its field, then saves a valid one into the history', async () => {
    await page.click('nav >> text=Strategy');
    const card = page.locator('[data-testid=strategy-WEEKLY_NIFTY_STRANGLE]');
    await card.waitFor();
    const delta = card.locator('input[id$="-baseDeltaPct"]');
    const entry = card.locator('input[id$="-entryTime"]');
    const originalDelta = Number(await delta.inputValue());
    const originalEntry = await entry.inputValue();

    // Client side: out of the server's range (0.1..5), refused before any request.
    await delta.fill('9');
    await expectText(card, '[data-testid=error-baseDeltaPct]', /between 0\.1 and 5/);
    expect(await card.locator('[data-testid=save]').isDisabled()).toBe(true);

    // Server side: a cross-field rule only the API checks, shown next to the field it names.
    await delta.fill(String(originalDelta));
    await entry.fill('23:59');
    await card.locator('[data-testid=save]').click();
    await expectText(card, '[data-testid=error-entryTime]', /entryTime must lie inside the entry window/);
    // Editing the field clears the server's now-stale message.
    await entry.fill(originalEntry);
    await card.locator('[data-testid=error-entryTime]').waitFor({ state: 'detached', timeout: 5000 });

    // A valid change: saved, stored, and listed in the history.
    const newDelta = Math.round((originalDelta + 0.1) * 100) / 100;
    await delta.fill(String(newDelta));
    await card.locator('[data-testid=save]').click();
    const history = card.locator('[data-testid=history]');
    await expectText(card, '[data-testid=history]', new RegExp(`baseDeltaPct[\\s\\S]*${newDelta}`));
    expect(await history.innerText()).toContain('admin');
    expect(await card.locator('[data-testid=error-entryTime]').count()).toBe(0);
    const configs = (await (await page.request.get('/api/strategy-configs')).json()) as { strategyType: string; parameters: Record<string, unknown> }[];
    expect(configs.find((c) => c.strategyType === 'WEEKLY_NIFTY_STRANGLE')?.parameters['baseDeltaPct']).toBe(newDelta);
  });

  it('stores broker credentials write-only and lists them masked', async () => {
    await page.click('nav >> text=Settings');
    const form = page.locator('[data-testid=credentials-form-ICICI]');
    await form.waitFor();
    const secret = BREEZE_SECRET;
    await form.locator('input[id$="-apiKey"]').fill(BREEZE_KEY);
    await form.locator('input[id$="-apiSecret"]').fill(secret);
    await form.locator('button[type=submit]').click();
    await expectText(page, '[data-testid=masked-ICICI]', /apiSecret\s*•+/);
    expect(await form.locator('input[id$="-apiSecret"]').inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
  });

  it('shows ICICI\'s login link and takes the day\'s session key (exchanged with the local Breeze server), never showing it again', async () => {
    const state = page.locator('[data-testid^=icici-session-state-]');
    await expectText(page, '[data-testid^=icici-session-state-]', /No session key for \d{4}-\d{2}-\d{2}/);
    const href = await page.locator('a:has-text("Open ICICI\'s login page")').getAttribute('href');
    expect(new URL(href ?? '').searchParams.get('api_key')).toBe(BREEZE_KEY);
    await page.locator('input[id^=icici-key-]').fill('87324529');
    await page.click('button:has-text("Use this key")');
    await expectText(page, '[data-testid^=icici-session-state-]', /Session of \d{4}-\d{2}-\d{2} entered/);
    expect(await state.textContent()).toMatch(/XY\*+21/);
    expect(await page.locator('input[id^=icici-key-]').inputValue()).toBe('');
    expect(await page.content()).not.toContain('87324529');
    expect(breeze.callsTo('customerdetails').length).toBe(1);
  });

  it('creates an API key, shows it once, and the key works', async () => {
    await page.click('text=API keys');
    await page.fill('#key-name', 'e2e-report');
    await page.click('[data-testid=api-key-form] button[type=submit]');
    const key = (await page.locator('[data-testid=created-key-value]').innerText()).trim();
    expect(key).toMatch(/^mcube_[A-Za-z0-9]+_\S+$/);
    const me = await fetch(`${api.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    await expectText(page, '[data-testid=api-keys]', /e2e-report/);
    await page.reload();
    await page.click('text=API keys');
    await expectText(page, '[data-testid=api-keys]', /e2e-report/);
    expect(await page.content()).not.toContain(key);
  });

  it('lets an admin create a viewer', async () => {
    await page.click('text=Users');
    await page.fill('#new-username', VIEWER.username);
    await page.fill('#new-password', VIEWER.password);
    await page.selectOption('#new-role', 'viewer');
    await page.click('[data-testid=user-form] button[type=submit]');
    await expectText(page, '[data-testid=users]', new RegExp(VIEWER.username));
  });

  // Issue 11 §1: today (Dec 2026) the shipped holiday table ends in under 30 days.
  it('warns in every page that the holiday calendar ends, and an admin imports NSE\'s CSV to move it', async () => {
    await page.goto('/dashboard');
    await expectText(page, '[data-testid=calendar-banner]', /Holiday calendar ends 2026-12-31/);
    await page.click('[data-testid=calendar-banner] a');
    await page.waitForURL(/\/settings\?tab=calendar/);
    await expectText(page, '[data-testid=calendar-year-state]', /not confirmed/);
    await page.fill('#holiday-csv', '"Sr. No","Date","Day","Description"\n"1","26-Jan-2027","Monday","Republic Day"\n');
    await page.click('[data-testid=calendar-import] button');
    await expectText(page, '[data-testid=calendar-import-errors]', /line 2: 2027-01-26 is a Tuesday, not a Monday/);
    await page.fill('#holiday-csv', '"Sr. No","Date","Day","Description"\n"1","26-Jan-2027","Tuesday","Republic Day"\n"2","22-Mar-2027","Monday","Holi"\n');
    await page.click('[data-testid=calendar-import] button');
    await expectText(page, '[data-testid=calendar-holidays]', /Republic Day[\s\S]*Holi/);
    await expectText(page, '[data-testid=calendar-year-state]', /^confirmed$/);
    await page.locator('[data-testid=calendar-banner]').waitFor({ state: 'detached' });
    await screenshot(page, 'settings-calendar', 'desktop');
  });

  it('logs out and then needs a login again', async () => {
    await page.goto('/dashboard');
    await page.click('[data-testid=user-menu]');
    await page.click('[data-testid=logout]');
    await page.waitForURL('**/login');
    expect((await page.request.get('/api/accounts')).status()).toBe(401);
    for (const viewport of ['desktop', 'phone'] as const) {
      await page.setViewportSize(VIEWPORTS[viewport]);
      await page.locator('#username').waitFor();
      expect(statSync(await screenshot(page, 'login', viewport)).size).toBeGreaterThan(5000);
    }
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto('/settings');
    await page.waitForURL(/\/login/);
  });

  it('sends a user whose password was set for them to the password page first; a wrong current one is refused in place, then the session ends', async () => {
    const newPassword = VIEWER_NEW_PASSWORD;
    await page.goto('/login');
    await page.fill('#username', VIEWER.username);
    await page.fill('#password', VIEWER.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/password');
    // Nothing else answers until the password is changed: the console keeps the user here.
    expect((await page.request.get('/api/accounts')).status()).toBe(403);
    await page.goto('/dashboard');
    await page.waitForURL('**/password');
    await expectText(page, '[role=note]', /choose your own/);
    await page.fill('#current', 'not-my-password-at-all');
    await page.fill('#new', newPassword);
    await page.fill('#repeat', newPassword);
    await page.click('button[type=submit]');
    await expectText(page, '.alert-danger', /current password is wrong/);
    expect(page.url()).toContain('/password');
    await page.fill('#current', VIEWER.password);
    await page.click('button[type=submit]');
    await page.waitForURL('**/login');
    await logIn(page, VIEWER.username, newPassword);
    expect(await page.locator('text=choose your own').count()).toBe(0);
  });

  it('shows a viewer no write buttons', async () => {
    await page.goto('/dashboard');
    await page.click('nav >> text=Strategy');
    await page.locator('[data-testid=strategy-WEEKLY_NIFTY_STRANGLE] input').first().waitFor();
    expect(await page.locator('[data-testid=save]').count()).toBe(0);
    expect(await page.locator('[data-testid=strategy-WEEKLY_NIFTY_STRANGLE] input[id$="-baseDeltaPct"]').getAttribute('readonly')).not.toBeNull();
    await screenshot(page, 'strategy-viewer', 'desktop');

    await page.click('nav >> text=Settings');
    await page.locator('[data-testid=masked-KOTAK]').waitFor();
    expect(await page.locator('[data-testid^=credentials-form]').count()).toBe(0);
    expect(await page.locator('.nav-tabs >> text=Users').count()).toBe(0);
    await page.click('text=Risk limits');
    await page.locator('[data-testid=risk-limits-KOTAK] input').first().waitFor();
    expect(await page.locator('[data-testid=save]').count()).toBe(0);
    await page.click('text=API keys');
    await page.locator('[data-testid=api-keys]').waitFor();
    expect(await page.locator('[data-testid=api-key-form]').count()).toBe(0);
    expect(await page.locator('button:has-text("Revoke")').count()).toBe(0);
    await screenshot(page, 'settings-viewer', 'desktop');
  });

  it('sends the user to the login page when the session ends mid-use', async () => {
    await page.goto('/dashboard');
    await page.locator('[data-testid=account-card-KOTAK]').waitFor();
    await context.clearCookies();
    await page.click('nav >> text=Strategy');
    await page.waitForURL(/\/login\?returnUrl=/);
    await expectText(page, '.toast', /session has ended/);
  });

  it('shows "offline" when the live socket is unavailable and retries with backoff, not in a loop', async () => {
    const other = await openConsole(browser, api.baseUrl);
    try {
      const attempts: number[] = [];
      // Every socket the page opens is closed at once with a server error, as a broken server would.
      await other.page.routeWebSocket(/\/ws$/, (ws) => {
        attempts.push(Date.now());
        void ws.close({ code: 1011, reason: 'unavailable' });
      });
      await logIn(other.page, VIEWER.username, VIEWER_NEW_PASSWORD);
      await other.page.waitForSelector('[data-testid=connection-indicator][data-state=offline]');
      expect(await other.page.locator('[data-testid=connection-indicator]').innerText()).toContain('Offline');
      await other.page.waitForTimeout(4500);
      // Attempts at about 0 s, +1 s, +2 s, +4 s after login: a reconnect happened, and no tight loop.
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.length).toBeLessThanOrEqual(4);
      expect(other.problems.uncaught).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('ran without uncaught errors or unexpected console errors', () => {
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});
