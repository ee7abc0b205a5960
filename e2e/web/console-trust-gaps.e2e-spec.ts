import { randomBytes } from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ExitAllAndHaltResponse, PositionDetailResponse } from '@mcube/contracts';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { axeSeriousOrWorse } from './axe';
import { eventually, expectText, launchChromium, logIn, openConsole, PageProblems, unexpectedConsoleErrors } from './console-browser';
import { getJson, horizontalOverflow, PHONE, post, shot, pauseStrangleEntries, strangleEntry, WIDE } from './console-section-helpers';

const ADMIN_PASSWORD = 'e2e-gaps-admin-pass-1';
const TRADER_FIRST_PASSWORD = 'e2e-gaps-trader-first-1';
const TRADER_PASSWORD = 'e2e-gaps-trader-pass-22';
/** A human contract name: 'NIFTY 08 Dec 26750 CE'. */
const HUMAN_NAME = /^NIFTY \d{2} [A-Z][a-z]{2} \d+ (CE|PE)$/;

interface ListedAccount {
  id: number;
  broker: 'KOTAK' | 'ICICI';
}
interface ListedOrder {
  id: number;
  positionId: number | null;
  purpose: string;
  tradingSymbol: string;
  name: string;
}

/**
 * The rest of issue 20 in the browser: the per-leg exit on the position page (§3, reason, progress
 * until flat, no button on a closed leg), human contract names on the orders pages and in the
 * "Exit all" progress (§4), the audit log in the menu of an admin only (§6), and axe-core with
 * screenshots at 1440 and 390 px on the pages the other browser suites do not check (§8).
 * Screenshots: e2e/screenshots/gaps-*-{1440,390}.png.
 */
describe('a console a trader trusts: per-leg exit, names, audit menu, axe everywhere (issue 20)', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let kotak: ListedAccount;
  let position: PositionDetailResponse;

  beforeAll(async () => {
    const env = await freshEnv({
      MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      MCUBE_SIM_SPEED: '10',
      MCUBE_SIM_START: '2026-11-16',
      // No PORT: freshEnv picks a free one.
    });
    runInit(env);
    api = await startApi(env);
    browser = await launchChromium();
    ({ context, page, problems } = await openConsole(browser, api.baseUrl));
    await page.setViewportSize(WIDE);
    await logIn(page, 'admin', ADMIN_PASSWORD);
    kotak = (await getJson<ListedAccount[]>(page.request, '/api/accounts')).find((a) => a.broker === 'KOTAK') as ListedAccount;
    // The strategy's own 10:00 entry must not race the test's position.
    expect(await pauseStrangleEntries(page.request)).toBe(200);
    const entry = await strangleEntry(page.request, kotak.id, 'e2e-gaps-entry');
    expect(entry.status).toBe(201);
    const positionId = (entry.body as { positionId: number }).positionId;
    position = await eventually(
      `position ${positionId} filled and marked`,
      () => getJson<PositionDetailResponse>(page.request, `/api/positions/${positionId}`),
      (p) => p.legs.length === 2 && p.legs.every((l) => l.quantity > 0 && l.greeks !== null),
      60_000,
    );
  });

  beforeEach(async () => {
    await page?.setViewportSize(WIDE);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('§4: the orders list and an order name the contract as a trader says it, at both widths', async () => {
    const orders = (await getJson<ListedOrder[]>(page.request, '/api/orders')).filter((o) => o.positionId === position.id);
    expect(orders).toHaveLength(2);
    for (const o of orders) {
      expect(o.name).toMatch(HUMAN_NAME);
      expect(o.name).not.toBe(o.tradingSymbol);
      expect(position.legs.map((l) => l.name)).toContain(o.name);
    }
    const [first] = orders;
    await page.goto('/orders');
    await expectText(page, `[data-testid=order-name-${first.id}]`, new RegExp(`^${first.name}$`));
    expect(await page.locator('[data-testid=orders-table]').innerText()).not.toContain(first.tradingSymbol);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 'gaps-orders-names')).toBeGreaterThan(5000);
    await page.setViewportSize(PHONE);
    await expectText(page, '[data-testid=orders-list-compact]', new RegExp(first.name));
    expect(await page.locator('[data-testid=orders-list-compact]').innerText()).not.toContain(first.tradingSymbol);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await shot(page, 'gaps-orders-names')).toBeGreaterThan(5000);

    await page.setViewportSize(WIDE);
    await page.goto(`/orders/${first.id}`);
    await expectText(page, '[data-testid=order-detail-name]', new RegExp(`${first.name}$`));
    expect(await page.locator('[data-testid=order-detail-name]').innerText()).not.toContain(first.tradingSymbol);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 'gaps-order-detail-name')).toBeGreaterThan(5000);
    await page.setViewportSize(PHONE);
    await page.waitForSelector('[data-testid=order-detail-name]');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await shot(page, 'gaps-order-detail-name')).toBeGreaterThan(5000);
  });

  it('§3: exits one leg from the position page with a reason, shows progress until it is flat, then offers no exit for it', async () => {
    const put = position.legs.find((l) => l.optionType === 'PE') as PositionDetailResponse['legs'][number];
    const call = position.legs.find((l) => l.optionType === 'CE') as PositionDetailResponse['legs'][number];
    await page.goto(`/positions/${position.id}`);
    await page.waitForSelector(`[data-testid=leg-exit-button-${put.id}]`);
    await page.waitForSelector(`[data-testid=leg-exit-button-${call.id}]`);
    await page.click(`[data-testid=leg-exit-button-${put.id}]`);
    await page.waitForSelector('[data-testid=leg-exit-confirm]');
    await expectText(page, '.modal-title', new RegExp(`Exit ${put.name}`));
    // No reason, nothing sent.
    await page.click('[data-testid=leg-exit-confirm]');
    await page.waitForSelector('.modal .invalid-feedback');
    expect((await getJson<ListedOrder[]>(page.request, '/api/orders')).filter((o) => o.positionId === position.id && o.purpose === 'EXIT')).toHaveLength(0);
    await page.fill('[data-testid=leg-exit-reason]', 'e2e: take the put off');
    // The dialog is named and passes axe.
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 'gaps-leg-exit-confirm')).toBeGreaterThan(5000);
    // Re-reads of the position answer slowly for a moment, so the progress mark is seen for sure.
    const slow = `**/api/positions/${position.id}`;
    await page.route(slow, async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      // Let through once the route is removed (the page may have ended it meanwhile).
      await route.continue().catch(() => undefined);
    });
    await page.click('[data-testid=leg-exit-confirm]');
    await page.waitForSelector(`[data-testid=leg-exit-progress-${put.id}]`, { timeout: 10_000 });
    expect(await page.locator(`[data-testid=leg-exit-button-${put.id}]`).count()).toBe(0);
    await page.unroute(slow);

    // Flat: the row says closed, the progress mark and the button are gone; the call keeps its button.
    await page.waitForSelector(`[data-testid=leg-${put.id}][data-status=CLOSED]`, { timeout: 60_000 });
    await page.waitForSelector(`[data-testid=leg-exit-progress-${put.id}]`, { state: 'detached', timeout: 15_000 });
    expect(await page.locator(`[data-testid=leg-exit-button-${put.id}]`).count()).toBe(0);
    await page.waitForSelector(`[data-testid=leg-exit-button-${call.id}]`);
    const exits = (await getJson<ListedOrder[]>(page.request, '/api/orders')).filter((o) => o.positionId === position.id && o.purpose === 'EXIT');
    // One EXIT order, for the put only, through the gateway.
    expect(exits.map((o) => o.name)).toEqual([put.name]);
    const after = await getJson<PositionDetailResponse>(page.request, `/api/positions/${position.id}`);
    expect(after.status).toBe('ACTIVE');
    expect(after.legs.find((l) => l.id === put.id)).toMatchObject({ status: 'CLOSED', quantity: 0, greeks: null });
    expect(after.legs.find((l) => l.id === call.id)?.quantity).toBeGreaterThan(0);
    // The closed leg shows its realised P&L, and no greeks.
    await expectText(page, `[data-testid=leg-pnl-${put.id}]`, /₹/);
    await expectText(page, `[data-testid=leg-${put.id}]`, /closed: realised P&L only/);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 'gaps-leg-exit-flat')).toBeGreaterThan(5000);
    // On a phone the open leg's card carries the button; the closed one none.
    await page.setViewportSize(PHONE);
    await page.waitForSelector(`[data-testid=leg-exit-button-card-${call.id}]`);
    expect(await page.locator(`[data-testid=leg-exit-button-card-${put.id}]`).count()).toBe(0);
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 'gaps-leg-exit-flat')).toBeGreaterThan(5000);
  });

  it('§3 §4: "Exit all and halt" names each leg as a trader says it and follows it until flat; nothing waits afterwards', async () => {
    const call = position.legs.find((l) => l.optionType === 'CE') as PositionDetailResponse['legs'][number];
    await page.goto('/dashboard');
    await page.click('[data-testid=nav-exit-all]');
    await page.waitForSelector('[data-testid=exit-all-confirm]');
    await page.selectOption('[data-testid=exit-all-scope]', String(kotak.id));
    await page.fill('[data-testid=exit-all-reason]', 'e2e: flatten the rest');
    await page.click('[data-testid=exit-all-confirm]');
    await page.waitForSelector('[data-testid=exit-all-progress]');
    await expectText(page, `[data-testid=exit-all-leg-${call.id}]`, new RegExp(call.name));
    expect(await page.locator('[data-testid=exit-all-progress]').innerText()).not.toContain(call.tradingSymbol);
    await page.waitForSelector(`[data-testid=exit-all-done-${kotak.id}]`, { timeout: 90_000 });
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 'gaps-exit-all-named')).toBeGreaterThan(5000);
    await page.click('[data-testid=exit-all-close]');
    // The stored wait is gone once applied: the dialog opens on its form again.
    expect((await getJson<ExitAllAndHaltResponse>(page.request, '/api/risk/exit-all-and-halt')).accounts).toEqual([]);
    await page.click('[data-testid=nav-exit-all]');
    await page.waitForSelector('[data-testid=exit-all-confirm]');
    expect(await page.locator('[data-testid=exit-all-resumed]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=exit-all-confirm]', { state: 'detached' });
  });

  it('§6: an admin has "Audit log" in the menu; a trader does not', async () => {
    await page.goto('/dashboard');
    const link = page.locator('#main-menu a.nav-link', { hasText: 'Audit log' });
    await link.click();
    await page.waitForURL('**/audit');
    await page.waitForSelector('[data-testid=audit-filters]');
    expect(await page.getAttribute('#main-menu a.nav-link[href="/audit"]', 'aria-current')).toBe('page');
    // On a phone it is in the collapsed menu.
    await page.setViewportSize(PHONE);
    await page.click('button[aria-controls=main-menu]');
    await page.waitForSelector('#main-menu.show a.nav-link[href="/audit"]');
    expect(await shot(page, 'gaps-audit-menu')).toBeGreaterThan(5000);
    await page.setViewportSize(WIDE);

    const created = await post(page.request, '/api/users', { username: 'e2e-gaps-trader', password: TRADER_FIRST_PASSWORD, role: 'trader' });
    expect(created.status).toBe(201);
    const other = await openConsole(browser, api.baseUrl);
    try {
      await other.page.setViewportSize(WIDE);
      const login = await other.page.request.post('/api/auth/login', { data: { username: 'e2e-gaps-trader', password: TRADER_FIRST_PASSWORD } });
      expect(login.status()).toBeLessThan(300);
      const changed = await post(other.page.request, '/api/auth/password', { currentPassword: TRADER_FIRST_PASSWORD, newPassword: TRADER_PASSWORD });
      expect(changed.status).toBe(204);
      await logIn(other.page, 'e2e-gaps-trader', TRADER_PASSWORD);
      await other.page.waitForSelector('#main-menu a.nav-link[href="/dashboard"]', { state: 'attached' });
      const labels = await other.page.locator('#main-menu a.nav-link').allInnerTexts();
      expect(labels.map((l) => l.trim())).toEqual(expect.arrayContaining(['Dashboard', 'Positions', 'Orders', 'Settings']));
      expect(labels.map((l) => l.trim())).not.toContain('Audit log');
      expect(await shot(other.page, 'gaps-trader-menu')).toBeGreaterThan(5000);
    } finally {
      await other.context.close();
    }
  });

  describe('§8: axe-core 0 critical / 0 serious, screenshots at 1440 and 390 px, on the pages the other browser suites do not check', () => {
    const PAGES: { name: string; path: string; ready: string }[] = [
      { name: 'audit', path: '/audit', ready: '[data-testid=audit-filters]' },
      { name: 'analytics', path: '/analytics', ready: 'main h1' },
      { name: 'backtests', path: '/backtests', ready: 'main h1' },
      { name: 'screener', path: '/screener', ready: 'main h1' },
      { name: 'approvals', path: '/approvals', ready: 'main h1' },
    ];
    for (const p of PAGES) {
      it(p.name, async () => {
        const found: string[] = [];
        for (const width of [WIDE, PHONE]) {
          await page.setViewportSize(width);
          await page.goto(p.path);
          await page.waitForSelector(p.ready);
          await page.waitForSelector('[data-testid=status-bar] [data-testid=status-market-time]');
          // Loading states settle (charts draw, lists arrive).
          await page.waitForTimeout(1_000);
          expect(await shot(page, `gaps-page-${p.name}`)).toBeGreaterThan(5000);
          found.push(...(await axeSeriousOrWorse(page)).map((v) => `${width.width}: ${v}`));
        }
        expect(found).toEqual([]);
      });
    }
  });

  it('§8: the console arrives compressed, hashed assets cached as immutable, index.html never cached', async () => {
    const index = await page.request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.status()).toBe(200);
    expect(index.headers()['cache-control']).toMatch(/no-cache/);
    // index.html itself is under a kilobyte, below compression's threshold; everything it loads is compressed.
    const script = /src="(main-[A-Za-z0-9]+\.js)"/.exec(await index.text())?.[1];
    expect(script).toBeDefined();
    const asset = await page.request.get(`/${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(asset.headers()['cache-control']).toMatch(/immutable/);
  });

  it('ran without uncaught errors or unexpected console errors', () => {
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});
