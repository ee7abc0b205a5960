import { FixedClock } from '@mcube/domain';
import { SecurityApp, startSecurityApp } from '../security/security-app';
import { SESSION_MS } from './gateway-harness';
import { SLEEP, WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/**
 * POST /api/orders body of a Kotak short call ENTRY in the fixed session (10:00 IST, 2026-03-10;
 * expiry 7 days later): one leg, so the gateway denies it as an entry (a Kotak entry is a
 * strangle, `REST_STRANGLE_BODY`); the gate tests use it, and with another purpose it is a leg order.
 */
export const REST_ENTRY_BODY = {
  segment: 'NFO-OPT',
  underlying: 'NIFTY',
  kind: 'OPT',
  expiry: '2026-03-17',
  strike: 23500,
  optionType: 'CE',
  side: 'SELL',
  quantity: 650,
  orderType: 'LIMIT',
  limitPrice: 120.5,
  purpose: 'ENTRY',
} as const;

/** POST /api/orders/entry body: the Kotak strangle of the fixed session, SELL 650 × 23500 CE @ ₹120.50 and 650 × 22500 PE @ ₹95. */
export function restStrangleBody(accountId: number, extra: { idempotencyKey?: string; quantity?: number } = {}) {
  const { quantity = 650, ...rest } = extra;
  const leg = { segment: 'NFO-OPT', underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', side: 'SELL', quantity, orderType: 'LIMIT' } as const;
  return { accountId, legs: [{ ...leg, strike: 23500, optionType: 'CE', limitPrice: 120.5 }, { ...leg, strike: 22500, optionType: 'PE', limitPrice: 95 }], ...rest };
}

/** The HTTP app of the security tests on a fixed in-session clock whose sleep advances it (the throttle's wall clock too). */
export async function startOrdersRestApp(clock: FixedClock = new FixedClock(SESSION_MS)): Promise<{ s: SecurityApp; clock: FixedClock }> {
  const s = await startSecurityApp({
    overrides: [
      { provide: WALL_CLOCK, useValue: clock },
      { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) },
    ],
  });
  return { s, clock };
}
