import { randomBytes } from 'crypto';
import { mkdirSync, statSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, isoWeekday, seededRandom } from '@mcube/domain';
import type { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { createDataSource } from '../../apps/api/src/database/create-data-source';
import { BrokerAccount } from '../../apps/api/src/modules/accounts/entities/broker-account.entity';
import { LearningSettingsService } from '../../apps/api/src/modules/analytics/learning/learning-settings.service';
import { LearningSuggestionsService } from '../../apps/api/src/modules/analytics/learning/learning-suggestions.service';
import { PatternLearningService } from '../../apps/api/src/modules/analytics/learning/pattern-learning.service';
import { PatternRecordsService } from '../../apps/api/src/modules/analytics/learning/pattern-records.service';
import { WeeklyInsightService } from '../../apps/api/src/modules/analytics/learning/weekly-insight.service';
import { ClosedTradesService } from '../../apps/api/src/modules/analytics/trades/closed-trades.service';
import { AuditService } from '../../apps/api/src/modules/core/audit/audit.service';
import { AuditLogEntity } from '../../apps/api/src/modules/core/entities/audit-log.entity';
import { StrategyConfig } from '../../apps/api/src/modules/strategies/entities/strategy-config.entity';
import { StrategyParametersService } from '../../apps/api/src/modules/strategies/parameters/strategy-parameters.service';
import { seedClosedTrade } from '../../apps/api/test/analytics/closed-trade-fixtures';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { expectText, launchChromium, logIn, openConsole, PageProblems, SCREENSHOT_DIR, unexpectedConsoleErrors } from './console-browser';

const ADMIN_PASSWORD = 'e2e-analytics-admin-pass-1';
/** This helper's port range (4200-4299). */
const PORT = '4231';

/**
 * A simulated month of closed positions (seed 19): every weekday of November 2026 one Kotak
 * strangle entered at 10:00 and closed at 15:15, with a VIX and days to expiry drawn from the
 * seed; entries at VIX ≥ 22 with 0–1 day left lose, most others win. A futures trade each
 * Wednesday on ICICI. Stored as the orders module stores positions (net of charges reported
 * with the fills), then the learning job's services run once over them.
 */
async function seedSimulatedMonth(ds: DataSource): Promise<number> {
  const rnd = seededRandom(19);
  const accounts = await ds.getRepository(BrokerAccount).find();
  const kotak = accounts.find((a) => a.broker === 'KOTAK') as BrokerAccount;
  const icici = accounts.find((a) => a.broker === 'ICICI') as BrokerAccount;
  let trades = 0;
  for (let day = '2026-11-02'; day <= '2026-11-30'; day = addDays(day, 1)) {
    const wd = isoWeekday(day);
    if (wd > 5) continue;
    const dte = (2 - wd + 7) % 7; // weekly expiry on Tuesday
    const vix = Math.round((13 + rnd() * 12) * 10) / 10;
    const losing = (vix >= 22 && dte <= 1) || rnd() < 0.25;
    const gross = losing ? -Math.round(40_000_00 + rnd() * 60_000_00) : Math.round(20_000_00 + rnd() * 40_000_00);
    await seedClosedTrade(ds, { accountId: kotak.id, openedAt: `${day} 10:00`, closedAt: `${day} 15:15`, expiryDate: addDays(day, dte), exitReason: losing ? 'STOP_LOSS' : rnd() < 0.5 ? 'TARGET' : 'EOD_PROFIT', grossPaise: gross, chargesPaise: 1_800_00, journal: { vix, daysToExpiry: dte } });
    trades += 1;
    if (wd === 3) {
      const futGross = rnd() < 0.5 ? -Math.round(15_000_00 + rnd() * 20_000_00) : Math.round(25_000_00 + rnd() * 30_000_00);
      await seedClosedTrade(ds, { accountId: icici.id, strategyType: 'LLM_VALIDATED_FUTURES', openedAt: `${day} 09:45`, closedAt: `${day} 14:30`, expiryDate: '2026-11-24', exitReason: futGross < 0 ? 'STOP_LOSS' : 'TARGET', grossPaise: futGross, chargesPaise: 60_000 });
      trades += 1;
    }
  }
  // The learning job's run, with a minimum of 3 samples stored for the strangle.
  const audit = new AuditService(ds.getRepository(AuditLogEntity));
  const settings = new LearningSettingsService(ds, audit);
  await settings.update('WEEKLY_NIFTY_STRANGLE', { minSamples: 3, minWinRateGapFraction: 0.25 });
  const records = new PatternRecordsService(ds, new ClosedTradesService(ds));
  const suggestions = new LearningSuggestionsService(ds, settings, new StrategyParametersService(ds.getRepository(StrategyConfig), audit), audit);
  await new PatternLearningService(ds, records, suggestions, settings, new WeeklyInsightService(ds, null)).run(Date.parse('2026-11-30T11:00:00Z'));
  return trades;
}

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
