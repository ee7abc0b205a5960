import { randomBytes } from 'crypto';
import Database from 'better-sqlite3';
import { IciciBreezeFakeServer } from '@mcube/brokers-icici-breeze/testing';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { axeSeriousOrWorse } from './axe';
import { expectText, launchChromium, logIn, openConsole, PageProblems, unexpectedConsoleErrors } from './console-browser';
import { getJson, horizontalOverflow, PHONE, shot, WIDE } from './console-section-helpers';

const ADMIN_PASSWORD = 'e2e-live-admin-pass-1';
const VIEWER = { username: 'onlooker', password: 'e2e-live-viewer-pass-1', own: 'e2e-live-viewer-own-2' };
const BREEZE_KEY = 'e2e-live-breeze-key';
const BREEZE_SECRET = 'e2e-live-secret-' + randomBytes(6).toString('hex');
/** The day's API session key the local Breeze server accepts. */
const SESSION_KEY = '87324529';

interface ListedAccount {
  id: number;
  broker: 'KOTAK' | 'ICICI';
  accountNumber: string;
  isPaperTrading: boolean;
}
interface LiveMode {
  mode: 'PAPER' | 'LIVE';
  confirmationText: string;
  checks: { name: string; ok: boolean; detail: string }[];
}
interface AuditRow {
  action: string;
  entityId: string;
  /** The audit API sends the stored JSON text. */
  newValue: string | null;
}

const newValueOf = (row: AuditRow | undefined): Record<string, unknown> | undefined => (row?.newValue ? (JSON.parse(row.newValue) as Record<string, unknown>) : undefined);

/** A write as the logged-in user (session cookie, CSRF token from /api/auth/me); returns the status. */
async function write(request: APIRequestContext, method: 'put' | 'post', path: string, body: unknown): Promise<number> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(request, '/api/auth/me');
  return (await request[method](path, { data: body, headers: { 'x-csrf-token': csrfToken } })).status();
}

/**
 * Issues 14 §3 and 15 in the browser: Settings → Accounts shows each account's live checklist
 * (what GET …/live-mode answers), takes the typed words of a switch (admin only), shows the
 * server's refusal naming each unmet condition, switches a LIVE account back to PAPER, and takes
 * the ICICI day's session key (local Breeze server). Built API serving the built console, paper
 * deployment (MCUBE_LIVE_TRADING unset), screenshots at 1440 and 390 px, axe at both widths.
 */
describe('the live switch in the console (issues 14, 15)', () => {
  let api: RunningApi;
  let breeze: IciciBreezeFakeServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let kotak: ListedAccount;
  let icici: ListedAccount;
  let sqlitePath = '';

  beforeAll(async () => {
    breeze = await IciciBreezeFakeServer.start({ appKey: BREEZE_KEY, secretKey: BREEZE_SECRET });
    const env = await freshEnv({
      MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      ICICI_BREEZE_API_URL: breeze.apiUrl,
      ICICI_BREEZE_V2_URL: breeze.v2Url,
      ICICI_BREEZE_LOGIN_URL: breeze.loginUrl,
      ICICI_BREEZE_SECURITY_MASTER_URL: breeze.securityMasterUrl,
      // Never the internet: a Kotak login (none is expected here) would go to a closed local port.
      KOTAK_NEO_LOGIN_URL: 'http://127.0.0.1:9',
    });
    sqlitePath = env['SQLITE_PATH'] as string;
    runInit(env);
    api = await startApi(env);
    browser = await launchChromium();
    ({ context, page, problems } = await openConsole(browser, api.baseUrl));
    await page.setViewportSize(WIDE);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
    await breeze?.stop();
  });

  it('shows the admin every check of going live as the API evaluates it, per account', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    const accounts = await getJson<ListedAccount[]>(page.request, '/api/accounts');
    kotak = accounts.find((a) => a.broker === 'KOTAK') as ListedAccount;
    icici = accounts.find((a) => a.broker === 'ICICI') as ListedAccount;
    expect(await write(page.request, 'put', `/api/accounts/${icici.id}/credentials`, { apiKey: BREEZE_KEY, apiSecret: BREEZE_SECRET })).toBe(200);
    await page.goto('/settings?tab=accounts');
    for (const account of [kotak, icici]) {
      const card = page.locator(`[data-testid=live-mode-${account.id}]`);
      await card.waitFor();
      const expected = await getJson<LiveMode>(page.request, `/api/accounts/${account.id}/live-mode`);
      expect(expected.mode).toBe('PAPER');
      const listed = expected.checks.filter((c) => c.name !== 'CONFIRMATION');
      for (const c of listed) {
        const row = card.locator(`[data-testid=live-check-${c.name}]`);
        expect(await row.getAttribute('data-ok')).toBe(String(c.ok));
        expect(await row.innerText()).toContain(c.ok ? 'Met' : 'Not met');
        expect(await row.innerText()).toContain(c.detail);
      }
      expect(await card.locator('[data-testid^=live-check-]').count()).toBe(listed.length);
      await expectText(card, '[data-testid=live-mode-state]', /PAPER/);
    }
    // The deployment is paper: the first condition is unmet on both; the Kotak account has no credentials.
    const kotakCard = page.locator(`[data-testid=live-mode-${kotak.id}]`);
    expect(await kotakCard.locator('[data-testid=live-check-LIVE_TRADING_ENABLED]').getAttribute('data-ok')).toBe('false');
    expect(await kotakCard.locator('[data-testid=live-check-CREDENTIALS]').innerText()).toMatch(/missing: consumerKey/);
    const iciciCard = page.locator(`[data-testid=live-mode-${icici.id}]`);
    expect(await iciciCard.locator('[data-testid=live-check-CREDENTIALS]').getAttribute('data-ok')).toBe('true');
    expect(await iciciCard.locator('[data-testid=live-check-LOGIN_TODAY]').innerText()).toMatch(/ICICI day session key entered[\s\S]*ICICI_SESSION_MISSING/);
  });

  it('enables the switch only on the exact typed words; the server refuses it naming each unmet condition, audited, and the account stays on PAPER', async () => {
    const card = page.locator(`[data-testid=live-mode-${kotak.id}]`);
    const words = `LIVE ${kotak.accountNumber}`;
    expect(await card.locator('label').innerText()).toContain(words);
    const button = card.locator(`[data-testid=live-switch-${kotak.id}]`);
    const input = card.locator(`#live-words-${kotak.id}`);
    expect(await button.isDisabled()).toBe(true);
    await input.fill(`live ${kotak.accountNumber}`);
    expect(await button.isDisabled()).toBe(true);
    await input.fill(words);
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await expectText(card, '[data-testid=live-mode-refusal]', /stays on PAPER[\s\S]*LIVE_TRADING_ENABLED: MCUBE_LIVE_TRADING is not true/);
    expect(await card.locator('[data-testid=live-mode-refusal]').innerText()).toMatch(/CREDENTIALS: missing/);
    const after = await getJson<ListedAccount[]>(page.request, '/api/accounts');
    expect(after.find((a) => a.id === kotak.id)?.isPaperTrading).toBe(true);
    const { items } = await getJson<{ items: AuditRow[] }>(page.request, '/api/audit-log?entity=broker_account&limit=20');
    const refused = items.find((r) => r.action === 'account.mode.refused' && r.entityId === String(kotak.id));
    expect(newValueOf(refused)?.['failed']).toEqual(expect.arrayContaining(['LIVE_TRADING_ENABLED', 'CREDENTIALS']));
    expect(items.some((r) => r.action === 'account.mode' && r.entityId === String(kotak.id))).toBe(false);
  });

  it('takes the ICICI day\'s session key; the ICICI checklist then counts the day\'s login as met', async () => {
    await page.locator(`input#icici-key-${icici.id}`).fill(SESSION_KEY);
    await page.click('button:has-text("Use this key")');
    await expectText(page, `[data-testid=icici-session-state-${icici.id}]`, /Session of \d{4}-\d{2}-\d{2} entered/);
    expect(breeze.callsTo('customerdetails').length).toBe(1);
    await page.reload();
    const row = page.locator(`[data-testid=live-mode-${icici.id}] [data-testid=live-check-LOGIN_TODAY]`);
    await row.waitFor();
    await expectText(page, `[data-testid=live-mode-${icici.id}] [data-testid=live-check-LOGIN_TODAY]`, /Met\s+ICICI day session key entered/);
    expect(await row.getAttribute('data-ok')).toBe('true');
    expect(await page.content()).not.toContain(SESSION_KEY);
  });

  it('switches a LIVE account back to PAPER on its typed words (always allowed, audited); the account list follows', async () => {
    // The guarded path to LIVE needs a live deployment and a broker (tests in apps/api/test/live);
    // here the stored mode is set as a LIVE account would have it, to drive the way back.
    const db = new Database(sqlitePath);
    try {
      db.prepare('UPDATE broker_accounts SET is_paper_trading = 0 WHERE id = ?').run(icici.id);
    } finally {
      db.close();
    }
    await page.reload();
    const card = page.locator(`[data-testid=live-mode-${icici.id}]`);
    await card.waitFor();
    await expectText(card, '[data-testid=live-mode-state]', /LIVE/);
    const words = `PAPER ${icici.accountNumber}`;
    expect(await card.locator('label').innerText()).toContain(words);
    expect(await card.innerText()).toMatch(/never touches the broker/);
    await shoot('live-mode-live-account');
    const button = card.locator(`[data-testid=live-switch-${icici.id}]`);
    expect(await button.isDisabled()).toBe(true);
    await card.locator(`#live-words-${icici.id}`).fill(words);
    await button.click();
    await expectText(card, '[data-testid=live-mode-state]', /PAPER/);
    const after = await getJson<ListedAccount[]>(page.request, '/api/accounts');
    expect(after.find((a) => a.id === icici.id)?.isPaperTrading).toBe(true);
    const { items } = await getJson<{ items: AuditRow[] }>(page.request, '/api/audit-log?entity=broker_account&limit=20');
    expect(newValueOf(items.find((r) => r.action === 'account.mode' && r.entityId === String(icici.id)))).toMatchObject({ mode: 'PAPER' });
  });

  it('lays out at 1440 and 390 px with nothing off-screen sideways, and axe finds nothing critical or serious', async () => {
    const found: string[] = [];
    for (const [name, size] of [['wide', WIDE], ['phone', PHONE]] as const) {
      await page.setViewportSize(size);
      await page.goto('/settings?tab=accounts');
      await page.locator(`[data-testid=live-mode-${kotak.id}] [data-testid=live-check-LIVE_TRADING_ENABLED]`).waitFor();
      await page.locator(`[data-testid=live-mode-${icici.id}] [data-testid=live-check-LIVE_TRADING_ENABLED]`).waitFor();
      await page.locator(`#live-words-${kotak.id}`).fill('LIVE');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await shoot('live-mode-settings');
      found.push(...(await axeSeriousOrWorse(page)).map((v) => `${name}: ${v}`));
    }
    await page.setViewportSize(WIDE);
    expect(found).toEqual([]);
  });

  it('shows a viewer the mode only: no checklist, no switch, and the API refuses them the checklist', async () => {
    expect(await write(page.request, 'post', '/api/users', { username: VIEWER.username, password: VIEWER.password, role: 'viewer' })).toBe(201);
    const other = await openConsole(browser, api.baseUrl);
    try {
      await other.page.goto('/login');
      await other.page.fill('#username', VIEWER.username);
      await other.page.fill('#password', VIEWER.password);
      await other.page.click('button[type=submit]');
      await other.page.waitForURL('**/password');
      await other.page.fill('#current', VIEWER.password);
      await other.page.fill('#new', VIEWER.own);
      await other.page.fill('#repeat', VIEWER.own);
      await other.page.click('button[type=submit]');
      await other.page.waitForURL('**/login');
      await logIn(other.page, VIEWER.username, VIEWER.own);
      await other.page.setViewportSize(WIDE);
      await other.page.goto('/settings?tab=accounts');
      await expectText(other.page, `[data-testid=live-mode-viewer-${kotak.id}]`, /trades on PAPER\. Only an admin/);
      expect(await other.page.locator('[data-testid^=live-switch-]').count()).toBe(0);
      expect(await other.page.locator('[data-testid^=live-check-]').count()).toBe(0);
      expect((await other.page.request.get(`/api/accounts/${kotak.id}/live-mode`)).status()).toBe(403);
      expect(await write(other.page.request, 'put', `/api/accounts/${kotak.id}/mode`, { mode: 'PAPER' })).toBe(403);
      expect(unexpectedConsoleErrors(other.problems.consoleErrors.filter((e) => !/status of 403/.test(e)))).toEqual([]);
      expect(other.problems.uncaught).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('ran without uncaught errors or unexpected console errors', () => {
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });

  /** `live-mode-<name>-<width>.png` in the run's screenshot folder; a real picture, not an empty page. */
  async function shoot(name: string): Promise<void> {
    expect(await shot(page, name)).toBeGreaterThan(5000);
  }
});
