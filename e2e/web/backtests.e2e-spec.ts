import { randomBytes } from 'crypto';
import { mkdirSync, statSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { expectText, launchChromium, logIn, openConsole, PageProblems, SCREENSHOT_DIR, unexpectedConsoleErrors } from './console-browser';

const ADMIN_PASSWORD = 'e2e-backtests-admin-pass-1';
/** The backtests page's port (this suite's own range). */

/** Full-page screenshot at a given width; returns its path. */
async function shot(page: Page, width: number, height: number): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(400); // the charts resize on the next frame
  const path = join(SCREENSHOT_DIR, `backtests-${width}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs the form with `params` and waits until the socket's progress says it ended; returns the run's number. */
async function runFromForm(page: Page, params: string): Promise<number> {
  await page.fill('#bt-from', '2024-01-01');
  await page.fill('#bt-to', '2024-02-29');
  await page.selectOption('#bt-data', 'SHARED');
  await page.fill('#bt-params', params);
  await page.click('[data-testid=backtest-form] button[type=submit]');
  // The first request reads the data folder's range (in a child process) before answering.
  await page.locator('[data-testid=backtest-progress]').waitFor({ timeout: 60_000 });
  await expectText(page, '[data-testid=backtest-progress]', /Run #\d+/);
  await page.locator('[data-testid=backtest-progress]', { hasText: /COMPLETED|FAILED/ }).waitFor({ timeout: 90_000 });
  const text = await page.locator('[data-testid=backtest-progress]').innerText();
  expect(text).toMatch(/COMPLETED[\s\S]*100%/);
  return Number(/Run #(\d+)/.exec(text)![1]);
}

/**
 * The backtests page on the built API and console in headless Chromium: a short backtest of the
 * strangle over the shared NSE history run from the form (the run is a job in a child process
 * of the API, its progress on the socket), its report drawn, a second run compared with it, a
 * bad parameter refused in its field, and the drift view; screenshots at 1440 and 390 px.
 */
describe('the backtests page', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    const env = await freshEnv({ MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD, MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'), ...(process.env.MCUBE_SHARED_DATA ? { MCUBE_SHARED_DATA: process.env.MCUBE_SHARED_DATA } : {}) });
    runInit(env);
    api = await startApi(env);
    browser = await launchChromium();
    ({ context, page, problems } = await openConsole(browser, api.baseUrl));
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('runs a short backtest from the form, with progress over the socket, and shows its report', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.click('nav >> text=Backtests');
    await page.waitForURL('**/backtests');
    const first = await runFromForm(page, 'engine.ticks=daily');
    // The run opens by itself once the socket says it completed.
    await page.locator('h2', { hasText: `Run #${first}: 2024-01-01 … 2024-02-29` }).waitFor();
    await page.locator('mc-analytics-report canvas').first().waitFor();
    // The run's analytics, as on the analytics page: its equity curve with the drawdown under it,
    // the daily calendar and every breakdown, drawn from the run's own trades.
    const detail = await (await page.request.get(`/api/backtests/${first}`)).json();
    const report = detail.analytics;
    expect(report.kpis.trades).toBeGreaterThan(0);
    expect(report.kpis.maxDrawdownPaise).toBeLessThanOrEqual(0);
    const combined = report.equity.find((c: { accountId: unknown }) => c.accountId === 'ALL');
    expect(combined.points.length).toBeGreaterThan(0);
    expect(combined.points.every((p: { drawdownPaise: number }) => p.drawdownPaise <= 0)).toBe(true);
    const view = page.locator('mc-backtest-run-view');
    await view.locator(`[data-testid=analytics-report][data-trades="${report.kpis.trades}"]`).waitFor();
    await view.locator(`[data-testid=equity-chart][data-points="${combined.points.length}"] canvas`).first().waitFor();
    // ECharts may draw a chart on several canvas layers: any one drawn will do.
    await view.locator('[data-testid=calendar-chart] canvas').first().waitFor();
    for (const b of ['byStrategy', 'byExitReason', 'byWeekday', 'byVixBand', 'byDaysToExpiry']) await view.locator(`[data-testid=breakdown-${b}] canvas`).first().waitFor();
    const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
    await expectText(page, 'mc-backtest-run-view [data-testid=kpi-drawdown]', new RegExp(rupees.format(report.kpis.maxDrawdownPaise / 100).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const runShot = join(SCREENSHOT_DIR, 'backtest-run-analytics-1440.png');
    await page.waitForTimeout(400); // the charts finish their first frame
    await view.screenshot({ path: runShot });
    expect(statSync(runShot).size).toBeGreaterThan(20_000);
    const trades = page.locator('[data-testid=backtest-trades] tbody tr');
    expect(await trades.count()).toBeGreaterThan(0);
    await expectText(page, '[data-testid=backtest-trades] tbody tr', /NIFTY \d{2} [A-Z][a-z]{2} (\d{4} )?\d+ CE SELL \d+ @ ₹[\d.]+ → ₹[\d.]+ MODELLED[\s\S]*NIFTY \d{2} [A-Z][a-z]{2} (\d{4} )?\d+ PE/);
    await expectText(page, '[data-testid=monthly-heat]', /2024[\s\S]*₹/);
  }, 180_000);

  it('refuses an unknown parameter in its field and stores nothing', async () => {
    const before = await page.locator('[data-testid=backtest-runs] tbody tr').count();
    await page.fill('#bt-params', 'bogus=1');
    await page.click('[data-testid=backtest-form] button[type=submit]');
    await expectText(page, '#bt-params ~ .invalid-feedback', /bogus/);
    await page.click('text=Refresh');
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid=backtest-runs] tbody tr').count()).toBe(before);
  });

  it('compares two runs side by side', async () => {
    const second = await runFromForm(page, 'engine.ticks=daily\ntargetPct=40');
    const ids = await page.locator('[data-testid=backtest-runs] tbody tr td:nth-child(2)').allInnerTexts();
    expect(ids).toContain(String(second));
    for (const box of await page.locator('[data-testid=backtest-runs] input[type=checkbox]:not([disabled])').all()) await box.check();
    await expectText(page, '[data-testid=backtest-compare] thead', new RegExp(`Run #\\d+[\\s\\S]*Run #\\d+`));
    await expectText(page, '[data-testid=backtest-compare] tbody', /targetPct=40[\s\S]*Trades/);
  }, 180_000);

  it('shows the drift of the paper account against a run, each day explained', async () => {
    await page.selectOption('#drift-account', { index: 0 });
    await page.selectOption('#drift-run', { index: 0 });
    await page.click('[data-testid=drift-form] button[type=submit]');
    // A fresh paper account has no trades: every backtest trade is a backtest-only day, explained.
    await expectText(page, '[data-testid=drift-rows] tbody', /no trade[\s\S]*DECISION[\s\S]*paper did not trade/);
  });

  it('saves screenshots at 1440 and 390 px without page errors', async () => {
    for (const [w, h] of [[1440, 900], [390, 844]] as const) expect(statSync(await shot(page, w, h)).size).toBeGreaterThan(10_000);
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});
