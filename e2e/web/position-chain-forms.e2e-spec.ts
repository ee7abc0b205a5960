import { randomBytes } from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PositionDetailResponse } from '@mcube/contracts';
import { freshEnv, runInit, RunningApi, startApi } from '../api/built-api';
import { eventually, expectText, launchChromium, logIn, openConsole, PageProblems, unexpectedConsoleErrors } from './console-browser';
import { axeSeriousOrWorse } from './axe';
import { getJson, horizontalOverflow, PHONE, shot, pauseStrangleEntries, strangleEntry, WIDE } from './console-section-helpers';

const ADMIN_PASSWORD = 'e2e-sections-admin-pass-1';

interface ListedAccount {
  id: number;
  broker: 'KOTAK' | 'ICICI';
}
interface StrategyConfig {
  id: number;
  strategyType: string;
  entriesPaused: boolean;
}

/**
 * Issue 20 §4–§7 in the browser: the position as Sensibull shows it, the option chain, forms
 * and words, and phone layouts, on the built API and console over the simulator; each page
 * saved at 1440 and 390 px and checked with axe-core (0 critical, 0 serious).
 */
describe('position view, option chain, forms and phones (issue 20 §4–§7)', () => {
  let api: RunningApi;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let kotak: ListedAccount;
  let positionId: number;

  beforeAll(async () => {
    const env = await freshEnv({
      MCUBE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      MCUBE_CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      MCUBE_SIM_SPEED: '10',
      MCUBE_SIM_START: '2026-11-16',
      // This helper's port range (4500-4599).
      PORT: '4531',
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
    const entry = await strangleEntry(page.request, kotak.id, 'e2e-sections-entry');
    expect(entry.status).toBe(201);
    positionId = (entry.body as { positionId: number }).positionId;
    await eventually(`position ${positionId} marked`, () => getJson<PositionDetailResponse>(page.request, `/api/positions/${positionId}`), (p) => p.legs.every((l) => l.greeks !== null) && p.metrics.premiumCollectedPaise > 0, 60_000);
  });

  // A test that fails at phone width must not leave the next one there.
  beforeEach(async () => {
    await page?.setViewportSize(WIDE);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('§4 shows the position as Sensibull does: risk figures, greeks in ₹, progress, next rule, named legs, σ bands', async () => {
    await page.goto(`/positions/${positionId}`);
    const risk = page.locator('[data-testid=position-risk]');
    await risk.waitFor();
    await expectText(page, '[data-testid=risk-max-profit]', /^₹[\d,]+$/);
    await expectText(page, '[data-testid=risk-max-loss]', /^Unlimited$/);
    await expectText(page, '[data-testid=risk-pop]', /^\d{1,3}%$/);
    await expectText(page, '[data-testid=risk-dte]', /^\d+$/);
    await expectText(page, '[data-testid=risk-premium]', /^₹[\d,]+ · -?[\d.]+%$/);
    await expectText(page, '[data-testid=risk-margin]', /^₹[\d,]+ · -?[\d.]+%$/);
    // Short premium: time decay earns (+₹ per day), volatility costs (−₹ per vol point).
    await expectText(page, '[data-testid=risk-greeks]', /Θ \+₹[\d,]+ \/ day[\s\S]*Vega −₹[\d,]+ \/ vol point[\s\S]*Δ -?[\d,.]+ units/);
    await expectText(page, '[data-testid=risk-progress]', /To the 70% target[\s\S]*To the stop/);
    await expectText(page, '[data-testid=risk-next-rule]', /Next exit rule: (end-of-day check at 15:15 IST|expiry-day close at 15:15 IST)/);
    await expectText(page, '[data-testid=strike-distance-CE]', /[\d,]+ CE\s*[\d,]+ pts\s*[\d.]+%\s*[\d.]+ σ/);
    await expectText(page, '[data-testid=strike-distance-PE]', /[\d,]+ PE\s*[\d,]+ pts\s*[\d.]+%\s*[\d.]+ σ/);
    const names = await page.locator('[data-testid=position-legs] tbody td:first-child span.fw-semibold').allInnerTexts();
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/^NIFTY \d{2} [A-Z][a-z]{2} \d+ (CE|PE)$/);
    await expectText(page, '[data-testid=payoff-sigma]', /±1σ [\d,]+–[\d,]+ · ±2σ [\d,]+–[\d,]+/);
    await page.locator('[data-testid=payoff-chart] canvas').first().waitFor();
    // Live: the net P&L follows the marks without a reload.
    const pnl = page.locator('[data-testid=position-net-pnl]');
    const first = (await pnl.innerText()).trim();
    await eventually('net P&L moves', async () => (await pnl.innerText()).trim(), (t) => t !== first, 60_000);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's4-position-detail')).toBeGreaterThan(5000);
  });

  it('§7 on a phone: positions and legs are cards with P&L first, nothing scrolled off-screen', async () => {
    await page.setViewportSize(PHONE);
    await page.goto('/positions');
    const card = page.locator(`[data-testid=position-card-${positionId}]`);
    await card.waitFor();
    expect((await card.innerText()).trim()).toMatch(/^[−-]?₹[\d,]+/);
    expect(await page.locator('[data-testid=positions]').isVisible()).toBe(false);
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's7-positions')).toBeGreaterThan(5000);

    await card.locator('a').click();
    await page.waitForURL(`**/positions/${positionId}`);
    const legs = page.locator('[data-testid=position-leg-cards] li');
    await legs.first().waitFor();
    expect(await legs.count()).toBe(2);
    for (const text of await legs.allInnerTexts()) expect(text).toMatch(/^NIFTY \d{2} [A-Z][a-z]{2} \d+ (CE|PE)\s*[−-]?₹[\d,]+/);
    expect(await page.locator('[data-testid=position-legs]').isVisible()).toBe(false);
    await page.locator('[data-testid=position-exit-button]').waitFor();
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's4-position-detail')).toBeGreaterThan(5000);
    await page.setViewportSize(WIDE);
  });

  it('§5 shows the chain: summary, ITM shading, own strikes kept in the window, OI in lakh, spot on the OI chart', async () => {
    const detail = await getJson<PositionDetailResponse>(page.request, `/api/positions/${positionId}`);
    await page.goto('/market');
    const [y, m, d] = detail.expiryDate.split('-');
    const label = `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
    const option = page.locator('[data-testid=chain-expiry] option', { hasText: label }).first();
    await option.waitFor({ state: 'attached' });
    await page.selectOption('[data-testid=chain-expiry]', (await option.getAttribute('value')) as string);
    const chain = page.locator('[data-testid=option-chain]');
    await chain.locator('[data-testid=chain-atm-row]').waitFor();
    await expectText(page, '[data-testid=chain-atm-iv]', /ATM IV · IV percentile\s*[\d.]+% · (\d+|—)/);
    await expectText(page, '[data-testid=chain-straddle]', /straddle\s*[\d,]+\.\d{2}\s*Expected move ±[\d,]+ \([\d.]+%, 1σ\)/);
    await expectText(page, '[data-testid=chain-futures]', /[\d,]+\.\d{2}\s*basis [+-]?[\d.]+/);
    await page.selectOption('[data-testid=chain-window]', { label: '±5 around ATM' });
    // The account's strikes are 400 points out: outside ±5 strikes, still shown and marked.
    for (const l of detail.legs) await chain.locator(`tr[data-strike="${l.strike}"] th[data-own=true]`).waitFor();
    expect(await chain.locator('td.itm').count()).toBeGreaterThan(0);
    await expectText(chain, '[data-testid^=ce-oi-]', /^[\d.]+ L$/);
    await page.locator('[data-testid=oi-chart] canvas').first().waitFor();
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's5-market')).toBeGreaterThan(5000);
    await page.setViewportSize(PHONE);
    await chain.locator('[data-testid=chain-atm-row]').waitFor();
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await shot(page, 's5-market')).toBeGreaterThan(5000);
    await page.setViewportSize(WIDE);
  });

  it('§6 groups the strategy form, previews ₹ in lakh, follows the value with hints, and pauses/resumes entries (audited)', async () => {
    await page.goto('/strategy');
    const card = page.locator('[data-testid=strategy-WEEKLY_NIFTY_STRANGLE]');
    for (const g of ['Entry', 'Strikes', 'Exits', 'Risk']) await card.locator(`[data-testid=group-${g}]`).waitFor();
    const stop = card.locator('input[id$=-perPositionStopPaise]');
    await stop.fill('150000');
    await expectText(card, '[data-testid$=-perPositionStopPaise]', /^= ₹1\.5 lakh$/);
    await stop.fill('25000000');
    await expectText(card, '[data-testid$=-perPositionStopPaise]', /^= ₹2\.5 crore$/);
    await card.locator('input[id$=-targetPct]').fill('60');
    await expectText(card, '[data-testid=hint-targetPct]', /60% of the premium is kept: ₹6,000/);
    await card.getByRole('button', { name: 'Discard' }).click();
    // Entries were paused for the test: the card says so; resume, then pause again, each with a reason.
    await card.locator('[data-testid=entries-paused-badge]').waitFor();
    await card.locator('[data-testid=pause-toggle]').click();
    const modal = page.locator('.modal-dialog');
    await modal.locator('[data-testid=pause-reason]').fill('e2e: resume entries');
    await modal.locator('[data-testid=pause-confirm]').click();
    await modal.waitFor({ state: 'detached' });
    await card.locator('[data-testid=entries-paused-badge]').waitFor({ state: 'detached' });
    await card.locator('[data-testid=pause-toggle]').click();
    await modal.locator('[data-testid=pause-reason]').fill('e2e: pause again');
    await modal.locator('[data-testid=pause-confirm]').click();
    // axe reads the page as it is: wait for the dialog and its backdrop to have faded out.
    await modal.waitFor({ state: 'detached' });
    await page.locator('ngb-modal-backdrop').waitFor({ state: 'detached' });
    await card.locator('[data-testid=entries-paused-badge]').waitFor();
    expect((await getJson<StrategyConfig[]>(page.request, '/api/strategy-configs')).find((c) => c.strategyType === 'WEEKLY_NIFTY_STRANGLE')?.entriesPaused).toBe(true);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's6-strategy')).toBeGreaterThan(5000);
    await page.setViewportSize(PHONE);
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await shot(page, 's6-strategy')).toBeGreaterThan(5000);
    await page.setViewportSize(WIDE);

    await page.goto('/audit');
    const rows = page.locator('[data-testid=audit-table] tbody tr');
    await rows.first().waitFor();
    expect(await rows.nth(0).innerText()).toMatch(/admin[\s\S]*Paused new entries[\s\S]*Strategy settings and pauses[\s\S]*reason: e2e: pause again/);
    expect(await rows.nth(1).innerText()).toMatch(/Resumed new entries/);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's6-audit')).toBeGreaterThan(5000);
    await page.setViewportSize(PHONE);
    await page.locator('[data-testid=audit-cards] li').first().waitFor();
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await shot(page, 's6-audit')).toBeGreaterThan(5000);
    await page.setViewportSize(WIDE);
  });

  it('§6 puts the sentence next to a denial code in the orders list and the order', async () => {
    // A second entry while the strangle is open: denied ACTIVE_POSITION_EXISTS, stored as DENIED.
    const second = await strangleEntry(page.request, kotak.id, 'e2e-sections-second-entry');
    expect(second.status).toBe(422);
    await page.goto('/orders');
    await page.selectOption('#order-status', { label: 'Denied by a risk check' });
    const reason = page.locator('[data-testid^=order-reason-]').first();
    await reason.waitFor();
    expect(await reason.innerText()).toMatch(/ACTIVE_POSITION_EXISTS\s*The account already holds a position for this strategy/);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
    expect(await shot(page, 's6-orders')).toBeGreaterThan(5000);
    await page.setViewportSize(PHONE);
    await expectText(page, '[data-testid=orders-list-compact]', /ACTIVE_POSITION_EXISTS\s*The account already holds a position/);
    // Charts re-measure after a resize (ngx-echarts' ResizeObserver), so wait for the layout to settle.
    await eventually('no sideways scroll at 390 px', () => horizontalOverflow(page), (px) => px <= 0, 5_000);
    expect(await shot(page, 's6-orders')).toBeGreaterThan(5000);
    await page.setViewportSize(WIDE);
    await page.locator('[data-testid^=order-link-]').first().click();
    await expectText(page, '[data-testid=order-denial-text]', /already holds a position/);
    expect(await axeSeriousOrWorse(page)).toEqual([]);
  });

  it('ran without uncaught errors or unexpected console errors', () => {
    expect(problems.uncaught).toEqual([]);
    expect(unexpectedConsoleErrors(problems.consoleErrors)).toEqual([]);
  });
});
