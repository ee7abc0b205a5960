import { randomBytes } from 'crypto';
import { mkdirSync, statSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApprovalResponse, FuturesScreenResponse } from '@mcube/contracts';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { axeSeriousOrWorse } from './axe';
import { eventually, expectText, launchChromium, logIn, openConsole, PageProblems, SCREENSHOT_DIR, unexpectedConsoleErrors } from './console-browser';
import { getJson, PHONE, WIDE } from './console-section-helpers';
import { seedIciciFutures } from './icici-futures-fixture';

const ADMIN_PASSWORD = 'e2e-icici-admin-pass-1';
/** A trading Wednesday; at 60 market seconds per real second the screens (09:30, then every 30 minutes) come 30 s apart. */
const MARKET_DAY = '2026-03-04';
const SIM_SPEED = '60';
/** 09:15 IST of the market day, and 14:30 IST: the pending requests outlive the test at this speed. */
const OPEN_MS = Date.parse(`${MARKET_DAY}T03:45:00.000Z`);
const EXPIRES_MS = Date.parse(`${MARKET_DAY}T09:00:00.000Z`);
const WIDTHS = { wide: WIDE, phone: PHONE } as const;

interface ListedAccount {
  id: number;
  broker: 'KOTAK' | 'ICICI';
}

/**
 * Issue 16 in the browser, on Command 1's defaults (rules validator, FTS5 knowledge store: no
 * Ollama, no Chroma): the built API on the accelerated simulator serving the built console.
 * The approvals page approves one pending ICICI entry and rejects another with a reason; the
 * screener then shows the next real screen (the strategy skips screening while a request waits); the futures position page shows a closed trade's entry,
 * average, stop, target, averaging attempts with their approvals and P&L. Each page at 1440 and
 * 390 px (screenshots e2e/screenshots/icici-*.png), axe 0 critical / 0 serious.
 */
describe('the ICICI futures pages (issue 16)', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let icici: ListedAccount;
  let positionId: number;

  beforeAll(async () => {
    const env = await freshEnv({ MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD, MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'), MCUBE_SIM_SPEED: SIM_SPEED, MCUBE_SIM_START: MARKET_DAY });
    expect(env['OLLAMA_URL'] ?? env['CHROMA_URL'] ?? env['MCUBE_LLM']).toBeUndefined();
    runInit(env);
    ({ positionId } = seedIciciFutures(env['SQLITE_PATH'] as string, { marketDayMs: OPEN_MS, expiresAtMs: EXPIRES_MS }));
    api = await startApi(env);
    browser = await launchChromium();
    ({ context, page, problems } = await openConsole(browser, api.baseUrl));
    await page.setViewportSize(WIDTHS.wide);
    await logIn(page, 'admin', ADMIN_PASSWORD);
    icici = (await getJson<ListedAccount[]>(page.request, '/api/accounts')).find((a) => a.broker === 'ICICI') as ListedAccount;
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('approves one pending entry and rejects another with a reason, from the page', async () => {
    const pending = await getJson<ApprovalResponse[]>(page.request, '/api/approvals?status=PENDING');
    const tcs = pending.find((a) => a.requestRef === 'e2e-pending-tcs') as ApprovalResponse;
    const hdfc = pending.find((a) => a.requestRef === 'e2e-pending-hdfc') as ApprovalResponse;
    expect([tcs?.validatorLabel, hdfc?.validatorLabel]).toEqual(['rules validator — no LLM configured', 'rules validator — no LLM configured']);
    await page.goto('/approvals');
    await expectText(page, `[data-testid=approval-${tcs.id}]`, /PENDING[\s\S]*TCS-2026-03-30-FUT[\s\S]*Score[\s\S]*71\.5[\s\S]*rules validator — no LLM configured/);
    await expectText(page, '[data-testid=pending-approvals-badge]', /^2$/);
    await checkPage(page, 'approvals-pending');

    page.once('dialog', (d) => void d.accept());
    await page.locator(`[data-testid=approval-${tcs.id}] button:has-text("Approve")`).click();
    const approved = await eventually('the TCS request decided', () => getJson<ApprovalResponse>(page.request, `/api/approvals/${tcs.id}`), (a) => a.status !== 'PENDING', 20_000);
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'admin' });
    // The strategy got the decision (SUBMITTED, or NOT_SENT with a code when the band or the window no longer hold).
    expect(approved.outcome).toEqual(expect.objectContaining({ status: expect.any(String) }));

    page.once('dialog', (d) => void d.accept('sector looks tired'));
    await page.locator(`[data-testid=approval-${hdfc.id}] button:has-text("Reject")`).click();
    const rejected = await eventually('the HDFCBANK request decided', () => getJson<ApprovalResponse>(page.request, `/api/approvals/${hdfc.id}`), (a) => a.status !== 'PENDING', 20_000);
    expect(rejected).toMatchObject({ status: 'REJECTED', decidedBy: 'admin', reason: 'sector looks tired' });
    await expectText(page, `[data-testid=approval-${hdfc.id}]`, /REJECTED by admin — sector looks tired/);
    await expectText(page, '[data-testid=pending-approvals]', /Nothing waits for approval/);

    // The trader's note goes into the knowledge store; the rules loaded at boot are searchable beside it.
    await page.fill('#note-title', 'Results season');
    await page.fill('#note-text', 'Avoid fresh IT futures entries in the week Infosys reports quarterly results.');
    await page.locator('[data-testid=note-form] button[type=submit]').click();
    await expectText(page, 'body', /Note stored \(FTS5\)/);
    await page.fill('#knowledge-q', 'Infosys quarterly results week');
    await page.locator('[data-testid=knowledge-search] button[type=submit]').click();
    await expectText(page, '[data-testid=knowledge-hits]', /Results season[\s\S]*NOTE/);
    await page.fill('#knowledge-q', 'futures averaging attempts');
    await page.locator('[data-testid=knowledge-search] button[type=submit]').click();
    await expectText(page, '[data-testid=knowledge-hits]', /DECISION/);
    await checkPage(page, 'approvals-decided');
  });

  it('once nothing waits for a person, shows the next screen of the market day with its candidates and every drop with its reason', async () => {
    // While a request waits the screen is skipped (APPROVAL_PENDING: one request at a time, tested in
    // libs/strategies/icici-futures entry-approval.spec.ts); whether a slot fell inside the previous
    // test's wait depends on the machine's speed, so only the screen after it is asserted here.
    const screens = await eventually('an ICICI screen with its universe', () => getJson<FuturesScreenResponse[]>(page.request, `/api/strategies/icici-futures/screens?accountId=${icici.id}`), (list) => list.some((x) => x.evaluation.screen !== null), 150_000);
    const screen = screens.find((x) => x.evaluation.screen !== null)!.evaluation;
    expect(screen.date).toBe(MARKET_DAY);
    expect(screen.screen?.universe.length ?? 0).toBeGreaterThan(0);
    await page.goto('/screener');
    await expectText(page, '[data-testid=screen-summary]', new RegExp(`${MARKET_DAY} \\d{2}:\\d{2}`));
    const dropped = screen.screen?.dropped ?? [];
    if (dropped.length > 0) await expectText(page, '[data-testid=dropped]', new RegExp(dropped[0].code));
    const candidates = screen.screen?.candidates ?? [];
    await expectText(page, '[data-testid=candidates]', candidates.length > 0 ? new RegExp(candidates[0].underlying) : /No candidate in this screen/);
    await checkPage(page, 'screener');
  });

  it('shows the futures position: entry, average, stop, target, P&L, averaging attempts with their approvals, exit rules', async () => {
    await page.setViewportSize(WIDTHS.wide);
    await page.goto('/positions');
    await page.locator(`[data-testid=position-row-${positionId}] a`).first().click();
    await page.waitForURL(`**/futures/${positionId}`);
    await expectText(page, '[data-testid=futures-status]', /CLOSED/);
    await expectText(page, '[data-testid=futures-summary]', /-₹6,400[\s\S]*1,600\.00 \/ 1,596\.00[\s\S]*1,588\.02 \/ 1,611\.92[\s\S]*1 done/);
    await expectText(page, '[data-testid=exit-rules]', /Stop at 1,588\.02[\s\S]*Target at 1,611\.92[\s\S]*15:15 IST[\s\S]*50%[\s\S]*Close before the last trading days of the contract \(from 2026-03-27\)/);
    await expectText(page, '[data-testid=exit-latest]', /STOP_LOSS_HIT/);
    await expectText(page, '[data-testid=entry-approval]', /APPROVED by admin[\s\S]*Screen score 78[\s\S]*rules validator — no LLM configured — APPROVE 0\.81/);
    await expectText(page, '[data-testid=averaging-attempts]', /1[\s\S]*APPROVED by admin[\s\S]*FILLED 400 @ 1,592\.00[\s\S]*2[\s\S]*REJECTED by admin: results on Thursday: no more size/);
    await expectText(page, '[data-testid=futures-orders]', /ENTRY[\s\S]*AVERAGE[\s\S]*EXIT/);
    await checkPage(page, 'futures-position');
  });

  it('raised no unexpected error in the page', () => {
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});

/** Axe (0 critical, 0 serious) and a full-page screenshot at both widths; leaves the page wide. */
async function checkPage(page: Page, name: string): Promise<void> {
  for (const width of ['wide', 'phone'] as const) {
    await page.setViewportSize(WIDTHS[width]);
    await page.waitForTimeout(200);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `icici-${name}-${WIDTHS[width].width}.png`);
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(5000);
  }
  await page.setViewportSize(WIDTHS.wide);
}
