import { mkdirSync } from 'fs';
import { join } from 'path';
import type { APIRequestContext, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './console-browser';
import type { ExpiriesResponse, OptionChainResponse, QuotesResponse } from '@mcube/contracts';
import { daysBetween, istDateTimeOf, lotSizeFor } from '@mcube/domain';

/** The widths issue 20 checks: a desktop at 1440 px and a phone at 390 px. */
export const WIDE = { width: 1440, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** POSTs as the logged-in user (session cookie of the page, CSRF token from /api/auth/me); returns status and body. */
export async function post(request: APIRequestContext, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(request, '/api/auth/me');
  const res = await request.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

/** The first listed weekly expiry at least three days after the market's IST date. */
export async function tradableExpiry(request: APIRequestContext): Promise<string> {
  const { quotes } = await getJson<QuotesResponse>(request, `/api/market/quotes?symbols=${encodeURIComponent('NIFTY 50')}`);
  const marketToday = istDateTimeOf(quotes[0].asOfMs).date;
  const { weekly } = await getJson<ExpiriesResponse>(request, '/api/market/expiries?underlying=NIFTY');
  const expiry = weekly.find((e) => daysBetween(marketToday, e) >= 3);
  if (!expiry) throw new Error(`no listed expiry three days after ${marketToday}: ${weekly.join(', ')}`);
  return expiry;
}

/** A marketable paper short strangle entry (nearest liquid call and put, SELL well under the bid). */
/**
 * Pauses the weekly strangle's own entries (as a trader would, audited) so that its 10:00 entry
 * cannot race a position the test opens itself; returns the PUT's HTTP status.
 */
export async function pauseStrangleEntries(request: APIRequestContext): Promise<number> {
  const configs = await getJson<{ id: number; strategyType: string }[]>(request, '/api/strategy-configs');
  const strangle = configs.find((c) => c.strategyType === 'WEEKLY_NIFTY_STRANGLE');
  if (!strangle) throw new Error('no WEEKLY_NIFTY_STRANGLE strategy config');
  const { csrfToken } = await getJson<{ csrfToken: string }>(request, '/api/auth/me');
  const paused = await request.put(`/api/strategy-configs/${strangle.id}/entries-paused`, { data: { paused: true, reason: 'e2e: the test opens the position' }, headers: { 'x-csrf-token': csrfToken } });
  return paused.status();
}

export async function strangleEntry(request: APIRequestContext, accountId: number, idempotencyKey: string): Promise<{ status: number; body: unknown }> {
  const expiry = await tradableExpiry(request);
  const chain = await getJson<OptionChainResponse>(request, `/api/market/option-chain?underlying=NIFTY&expiry=${expiry}`);
  const quantity = lotSizeFor({ underlying: 'NIFTY', expiry });
  const leg = (side: 'call' | 'put') => {
    const offset = side === 'call' ? 400 : -400;
    const row = chain.rows.filter((r) => (r[side]?.lastPrice ?? 0) >= 5).sort((a, b) => Math.abs(a.strike - (chain.spot + offset)) - Math.abs(b.strike - (chain.spot + offset)))[0];
    const reference = row[side]?.bid ?? row[side]?.lastPrice ?? 0;
    const limitPrice = Math.max(0.05, Math.floor((reference * 0.8) / 0.05) * 0.05);
    return { segment: 'NFO-OPT', underlying: 'NIFTY', kind: 'OPT', expiry, strike: row.strike, optionType: side === 'call' ? 'CE' : 'PE', side: 'SELL', quantity, orderType: 'LIMIT', limitPrice: Math.round(limitPrice * 100) / 100 };
  };
  return post(request, '/api/orders/entry', { accountId, legs: [leg('call'), leg('put')], idempotencyKey });
}

/** How far the page is wider than the viewport (0 = nothing scrolled off-screen sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  // A string: the e2e project compiles without the DOM library.
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}

/** Saves a full-page screenshot as `<name>-<width>.png` in the run's screenshot folder; returns its size in bytes. */
export async function shot(page: Page, name: string): Promise<number> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const buffer = await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  return buffer.length;
}
