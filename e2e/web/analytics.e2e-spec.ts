import { randomBytes } from 'crypto';
import { mkdirSync, statSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the test opens the API's database with the API's own options and seeds it before the built API starts
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { createDataSource } from '../../apps/api/src/database/create-data-source';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the browser test stores a simulated month in the API's database (its entities and learning services) before the built API starts
import { seedSimulatedMonth } from '../../apps/api/test/analytics/simulated-month.seed';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { expectText, launchChromium, logIn, openConsole, PageProblems, SCREENSHOT_DIR, unexpectedConsoleErrors } from './console-browser';

const ADMIN_PASSWORD = 'e2e-analytics-admin-pass-1';
/** This helper's port range (4200-4299). */
const PORT = '4231';

describe('the analytics page after a simulated month', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let trades: number;

  beforeAll(async () => {
    const env = await freshEnv({ PORT, MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD, MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64') });
    runInit(env);
    const ds = createDataSource(buildDataSourceOptions({ type: 'sqlite', path: env.SQLITE_PATH as string }));
    await ds.initialize();
    try {
      trades = await seedSimulatedMonth(ds);
    } finally {
      await ds.destroy();
    }
    api = await startApi(env);
    browser = await launchChromium();
    ({ context, page, problems } = await openConsole(browser, api.baseUrl));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('shows the KPIs, the equity curve with its drawdown, the calendar and the breakdowns', async () => {
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.click('nav >> text=Analytics');
    await page.waitForURL('**/analytics');
    await page.waitForSelector(`[data-testid=analytics-report][data-trades="${trades}"]`);
    await page.waitForSelector(`[data-testid=equity-chart][data-points="${trades}"] canvas`);
    await page.waitForSelector('[data-testid=calendar-chart] canvas');
    for (const b of ['byStrategy', 'byExitReason', 'byWeekday', 'byVixBand', 'byDaysToExpiry']) await page.waitForSelector(`[data-testid=breakdown-${b}] canvas`);
    const report = await (await page.request.get('/api/analytics')).json();
    expect(report.kpis.trades).toBe(trades);
    expect(report.kpis.maxDrawdownPaise).toBeLessThan(0);
    const net = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 }).format(report.kpis.netPnlPaise / 100);
    await expectText(page, '[data-testid=kpi-net]', new RegExp(net.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expectText(page, '[data-testid=insight]', /rules summary[\s\S]*WEEKLY_NIFTY_STRANGLE/);
  });

  it('narrows the period and offers the CSV of the same trades', async () => {
    await page.selectOption('[data-testid=period]', 'CUSTOM');
    await page.fill('[data-testid=from]', '2026-11-09');
    await page.fill('[data-testid=to]', '2026-11-13');
    // One strangle a weekday and the Wednesday futures trade.
    await page.waitForSelector('[data-testid=analytics-report][data-trades="6"]');
    const href = await page.getAttribute('[data-testid=csv]', 'href');
    expect(href).toBe('/api/analytics/trades.csv?from=2026-11-09&to=2026-11-13');
    const csv = await (await page.request.get(href as string)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(7);
    await page.selectOption('[data-testid=period]', 'ALL');
    await page.waitForSelector(`[data-testid=analytics-report][data-trades="${trades}"]`);
  });

  it('saves screenshots at 1440 and 390 px', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.reload();
      await page.waitForSelector(`[data-testid=equity-chart][data-points="${trades}"] canvas`);
      await page.waitForSelector('[data-testid=learning-panel] [data-testid=patterns]');
      await page.waitForTimeout(300);
      const path = join(SCREENSHOT_DIR, `analytics-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      expect(statSync(path).size).toBeGreaterThan(20_000);
    }
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});
