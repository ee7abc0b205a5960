import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium: the run never downloads a browser. */
export const CHROMIUM_PATH = process.env.MCUBE_CHROMIUM ?? '/usr/bin/chromium';

/** Where the run saves its screenshots (gitignored). */
export const SCREENSHOT_DIR = resolve(__dirname, '../screenshots');

/** The two widths every page is checked at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** Headless Chromium with the flags a CI container needs and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What went wrong inside the page: uncaught errors and console errors. */
export interface PageProblems {
  uncaught: string[];
  consoleErrors: string[];
}

/** A fresh browser context (own cookies) at `baseURL`, recording the page's problems. */
export async function openConsole(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const problems: PageProblems = { uncaught: [], consoleErrors: [] };
  page.on('pageerror', (err) => problems.uncaught.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  return { context, page, problems };
}

/** Logs in through the form and waits for the dashboard. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL('**/dashboard');
}

/** Saves a full-page screenshot as `<name>-<viewport>.png`; returns its path. */
export async function screenshot(page: Page, name: string, viewport: keyof typeof VIEWPORTS): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${viewport}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Console errors that are the browser's own report of an expected failure: a refused request
 * (the 401 of the session probe, the 400 of an invalid setting, the 422 of a rejected import) or the live socket being
 * unavailable (it retries with backoff and shows "offline").
 */
export function unexpectedConsoleErrors(errors: readonly string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|422)/.test(e) && !/WebSocket connection to .* failed/.test(e));
}

/** Waits until the element under `root` matching `selector` shows text matching `pattern`. */
export async function expectText(root: Page | ReturnType<Page['locator']>, selector: string, pattern: RegExp): Promise<void> {
  const el = root.locator(selector).first();
  await el.waitFor({ timeout: 10_000 });
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await el.innerText();
    if (pattern.test(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`"${selector}" shows "${text}", expected ${pattern}`);
}

/** Polls `read` until `done` holds for its value (at most `timeoutMs`); returns that value. */
export async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}
