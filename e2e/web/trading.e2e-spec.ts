import { randomBytes } from 'crypto';
import { statSync } from 'fs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import type { EntryEvaluationResponse, ExpiriesResponse, OptionChainResponse, QuotesResponse } from '@mcube/contracts';
import { daysBetween, istDateTimeOf, lotSizeFor } from '@mcube/domain';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { eventually, expectText, launchChromium, logIn, openConsole, PageProblems, screenshot, unexpectedConsoleErrors, VIEWPORTS } from './console-browser';

const ADMIN_PASSWORD = 'e2e-trading-admin-pass-1';
/**
 * Ten market seconds per real second, through sessions only: the market is open whatever the
 * hour of the run (orders and risk run on the market clock), it moves visibly, and the
 * strategy's own 10:00 entry is minutes away (the run's position comes first).
 */
const SIM_SPEED = '10';

interface ListedAccount {
  id: number;
  broker: 'KOTAK' | 'ICICI';
  name: string;
}
interface ListedOrder {
  id: number;
  status: string;
  denialCode: string | null;
  statusReason: string | null;
  positionId: number | null;
}

/**
 * The console while trading on the simulator: the built API (accelerated market, paper
 * accounts) serving the built console in headless Chromium. A paper position is opened through
 * the real order API, then watched, halted, and exited from the browser.
 */
describe('the web console while trading on the simulator', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let kotak: ListedAccount;
  let orderId: number;
  let positionId: number;

  beforeAll(async () => {
    const env = await freshEnv({
      MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      MCUBE_SIM_SPEED: SIM_SPEED,
      // A fixed, confirmed market day: entries stay allowed whatever the real date (past the
      // calendar's horizon they are refused with CALENDAR_UNCONFIRMED).
      MCUBE_SIM_START: '2026-11-16',
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
  });

  it('logs in and shows both paper accounts on the dashboard', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    const accounts = await getJson<ListedAccount[]>(page.request, '/api/accounts');
    expect(accounts.map((a) => a.broker).sort()).toEqual(['ICICI', 'KOTAK']);
    kotak = accounts.find((a) => a.broker === 'KOTAK') as ListedAccount;
    for (const a of accounts) await expectText(page, `[data-testid=account-card-${a.broker}]`, new RegExp(`${escape(a.name)}[\\s\\S]*Paper`));
  });

  it('opens a paper short strangle through the order API (one entry, both legs) and fills it', async () => {
    const expiry = await tradableExpiry(page.request);
    const chain = await getJson<OptionChainResponse>(page.request, `/api/market/option-chain?underlying=NIFTY&expiry=${expiry}`);
    const nearest = (side: 'call' | 'put') => chain.rows.filter((r) => (r[side]?.lastPrice ?? 0) >= 5).sort((a, b) => Math.abs(a.strike - chain.spot) - Math.abs(b.strike - chain.spot))[0];
    const quantity = lotSizeFor({ underlying: 'NIFTY', expiry });
    // A SELL limit well under the bid is marketable: the paper broker fills it at the market.
    const leg = (side: 'call' | 'put') => {
      const row = nearest(side);
      expect(row).toBeDefined();
      const reference = row[side]?.bid ?? row[side]?.lastPrice ?? 0;
      const limitPrice = Math.max(0.05, Math.floor((reference * 0.8) / 0.05) * 0.05);
      return { segment: 'NFO-OPT', underlying: 'NIFTY', kind: 'OPT', expiry, strike: row.strike, optionType: side === 'call' ? 'CE' : 'PE', side: 'SELL', quantity, orderType: 'LIMIT', limitPrice: Math.round(limitPrice * 100) / 100 };
    };
    const submitted = await postJson<{ positionId: number | null; legs: { orderIds: number[] }[]; denial?: { code: string; message: string } }>(page.request, '/api/orders/entry', {
      accountId: kotak.id,
      legs: [leg('call'), leg('put')],
      idempotencyKey: 'e2e-trading-entry',
    });
    expect(submitted.denial).toBeUndefined();
    orderId = submitted.legs[0].orderIds[0];
    for (const id of submitted.legs.map((l) => l.orderIds[0])) {
      const order = await eventually(
        `order ${id}`,
        () => getJson<ListedOrder>(page.request, `/api/orders/${id}`),
        (o) => o.status === 'FILLED' || ['DENIED', 'REJECTED', 'CANCELED', 'EXPIRED'].includes(o.status),
      );
      expect({ status: order.status, denial: order.denialCode, reason: order.statusReason }).toEqual({ status: 'FILLED', denial: null, reason: null });
    }
    positionId = submitted.positionId as number;
    expect(positionId).toBeGreaterThan(0);
  });

  it('shows the Kotak P&L of today changing as the market ticks', async () => {
    await page.goto('/dashboard');
    const pnl = page.locator('[data-testid=dashboard-pnl-today-KOTAK]').first();
    await pnl.waitFor();
    const first = (await pnl.innerText()).trim();
    // Each mark of the open strangle moves its unrealised P&L; the card follows over the socket.
    await eventually('P&L today (KOTAK)', async () => (await pnl.innerText()).trim(), (text) => text !== first, 60_000);
    await page.waitForSelector('[data-testid=connection-indicator][data-state=online]');
  });

  it('lists the order and shows its state history as a timeline', async () => {
    await page.click('nav >> text=Orders');
    await expectText(page, `[data-testid=order-status-${orderId}]`, /FILLED/);
    await page.click(`[data-testid=order-link-${orderId}]`);
    await page.waitForURL(`**/orders/${orderId}`);
    await expectText(page, '[data-testid=order-status]', /FILLED/);
    const timeline = page.locator('[data-testid=order-timeline]');
    await timeline.locator('[data-testid=order-event-FILLED]').waitFor();
    expect(await timeline.locator('[data-testid=order-event-SUBMITTED]').count()).toBe(1);
    expect(await timeline.innerText()).toMatch(/→ FILLED[\s\S]*IST/);
    // A filled order has nothing left to cancel.
    expect(await page.locator('[data-testid=order-cancel-button]').count()).toBe(0);
  });

  it('shows the NIFTY option chain around spot, with PCR, max pain and the OI chart', async () => {
    await page.click('nav >> text=Market');
    const chain = page.locator('[data-testid=option-chain]');
    await chain.locator('[data-testid=chain-atm-row]').waitFor();
    await expectText(page, '[data-testid=nifty-spot]', /\d{2},?\d{3}\.\d{2}/);
    await expectText(page, '[data-testid=chain-pcr]', /^\d+\.\d{2}$/);
    await expectText(page, '[data-testid=chain-max-pain]', /^[\d,]+$/);
    await page.locator('[data-testid=oi-chart] canvas').first().waitFor();
    await page.selectOption('[data-testid=chain-window]', { label: '±5 around ATM' });
    // ±5 around ATM (11 rows), widened only by the account's own open strikes.
    await eventually('chain rows at ±5', () => chain.locator('tbody tr').count(), (n) => n >= 11 && n < 21);
  });

  it('answers "what would it do now?" without trading', async () => {
    const ordersBefore = (await getJson<ListedOrder[]>(page.request, `/api/orders?accountId=${kotak.id}`)).length;
    await page.click('nav >> text=Strategy');
    await page.click('[data-testid=evaluate-button]');
    await expectText(page, '[data-testid=evaluation-decision]', /^(ENTER|SKIP|MONITOR)$/);
    expect((await page.locator('[data-testid=evaluation-reason]').innerText()).trim().length).toBeGreaterThan(0);
    const evaluation = await getJson<EntryEvaluationResponse>(page.request, `/api/strategies/kotak-strangle/evaluation?accountId=${kotak.id}`);
    // The open strangle is a position: the strategy may not add a second one.
    expect(evaluation.decision).not.toBe('ENTER');
    expect(await getJson<ListedOrder[]>(page.request, `/api/orders?accountId=${kotak.id}`)).toHaveLength(ordersBefore);
  });

  it('trips the kill switch, shows HALTED, then sets trading back to ACTIVE', async () => {
    await page.click('nav >> text=Dashboard');
    await setTradingState(page, 'HALTED', 'e2e drill: halt everything');
    await page.waitForSelector('[data-testid=trading-state-KOTAK][data-state=HALTED]');
    await setTradingState(page, 'ACTIVE', 'e2e drill over: trade again');
    await page.waitForSelector('[data-testid=trading-state-KOTAK][data-state=ACTIVE]');
    expect(await page.locator('[data-testid=trading-state-KOTAK][data-state=HALTED]').count()).toBe(0);
  });

  it('exits the position by hand and sees it closed', async () => {
    await page.click('nav >> text=Positions');
    await page.locator(`[data-testid=position-row-${positionId}] a`).first().click();
    await page.waitForURL(`**/positions/${positionId}`);
    await page.click('[data-testid=position-exit-button]');
    const modal = page.locator('.modal-dialog');
    await modal.locator('[data-testid=position-exit-reason]').fill('e2e manual exit');
    await modal.locator('[data-testid=position-exit-confirm]').click();
    await modal.waitFor({ state: 'detached' });
    // The EXIT orders fill at the paper broker (chased at the fresh touch if the market runs
    // away from its limit); the page follows the position over the socket.
    await eventually(`position ${positionId} on the page`, async () => (await page.locator('[data-testid=position-status]').innerText()).trim(), (s) => /^CLOS(ING|ED)$/.test(s));
    await eventually(`position ${positionId}`, () => getJson<{ status: string }>(page.request, `/api/positions/${positionId}`), (p) => p.status === 'CLOSED');
    await expectText(page, '[data-testid=position-status]', /^CLOSED$/);
    expect(await page.locator('[data-testid=position-exit-button]').count()).toBe(0);
  });

  it('saves a screenshot of every page at desktop and phone width', async () => {
    const shots: { name: string; path: string; tab?: string }[] = [
      { name: 'dashboard', path: '/dashboard' },
      { name: 'positions', path: '/positions' },
      { name: 'position-detail', path: `/positions/${positionId}` },
      { name: 'orders', path: '/orders' },
      { name: 'order-detail', path: `/orders/${orderId}` },
      { name: 'strategy', path: '/strategy' },
      { name: 'market', path: '/market' },
      { name: 'alerts', path: '/alerts' },
      { name: 'settings-accounts', path: '/settings' },
      { name: 'settings-risk-limits', path: '/settings', tab: 'Risk limits' },
      { name: 'settings-api-keys', path: '/settings', tab: 'API keys' },
      { name: 'settings-users', path: '/settings', tab: 'Users' },
      { name: 'password', path: '/password' },
    ];
    for (const [viewport, size] of Object.entries(VIEWPORTS) as [keyof typeof VIEWPORTS, (typeof VIEWPORTS)[keyof typeof VIEWPORTS]][]) {
      await page.setViewportSize(size);
      for (const s of shots) {
        await page.goto(s.path);
        await page.locator('h1').first().waitFor();
        if (s.tab) await page.click(`.nav-tabs >> text=${s.tab}`);
        await page.waitForLoadState('networkidle');
        await page.waitForSelector('.spinner-border', { state: 'detached' });
        expect(statSync(await screenshot(page, s.name, viewport)).size).toBeGreaterThan(5000);
      }
    }
    await page.setViewportSize(VIEWPORTS.desktop);
    // 26 full-page shots with network idle each: two minutes was the whole budget on a shared machine.
  }, 300_000);

  it('ran without uncaught errors or unexpected console errors', () => {
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});

/** Sets the trading state of all accounts through the kill switch dialog. */
async function setTradingState(page: Page, state: 'HALTED' | 'ACTIVE', reason: string): Promise<void> {
  await page.click('[data-testid=kill-switch-button]');
  const modal = page.locator('.modal-dialog');
  await modal.waitFor();
  await modal.locator(`[data-testid=kill-switch-state-${state}]`).check();
  await modal.locator('[data-testid=kill-switch-reason]').fill(reason);
  await modal.locator('[data-testid=kill-switch-confirm]').click();
  await modal.waitFor({ state: 'detached' });
}

/** The first listed weekly expiry at least three days after the market's IST date (clear of the minimum days to expiry). */
async function tradableExpiry(request: APIRequestContext): Promise<string> {
  const { quotes } = await getJson<QuotesResponse>(request, `/api/market/quotes?symbols=${encodeURIComponent('NIFTY 50')}`);
  const marketToday = istDateTimeOf(quotes[0].asOfMs).date;
  const { weekly } = await getJson<ExpiriesResponse>(request, '/api/market/expiries?underlying=NIFTY');
  const expiry = weekly.find((e) => daysBetween(marketToday, e) >= 3);
  if (!expiry) throw new Error(`no listed expiry three days after ${marketToday}: ${weekly.join(', ')}`);
  return expiry;
}

async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** POSTs as the logged-in user (session cookie of the page, CSRF token from /api/auth/me). */
async function postJson<T>(request: APIRequestContext, path: string, body: unknown): Promise<T> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(request, '/api/auth/me');
  const res = await request.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
