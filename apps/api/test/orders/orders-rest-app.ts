import { FixedClock } from '@mcube/domain';
import { CLOCK, SLEEP } from '../../src/modules/core/clock/clock.token';
import { SecurityApp, startSecurityApp } from '../security/security-app';
import { SESSION_MS } from './gateway-harness';

/** POST /api/orders body of a Kotak short call entry in the fixed session (10:00 IST, 2026-03-10; expiry 7 days later). */
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
  estimatedMarginPaise: 18_00_000_00,
} as const;

/** The HTTP app of the security tests on a fixed in-session clock whose sleep advances it. */
export async function startOrdersRestApp(clock: FixedClock = new FixedClock(SESSION_MS)): Promise<{ s: SecurityApp; clock: FixedClock }> {
  const s = await startSecurityApp({
    overrides: [
      { provide: CLOCK, useValue: clock },
      { provide: SLEEP, useValue: async (ms: number) => clock.advance(ms) },
    ],
  });
  return { s, clock };
}
