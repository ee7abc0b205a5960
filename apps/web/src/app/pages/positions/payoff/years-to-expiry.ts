const MS_PER_YEAR = 365 * 24 * 60 * 60 * 1000;

/** The F&O session closes at 15:40 IST from 2026-08-03 (15:30 before): contracts expire then. */
const LONGER_SESSION_FROM = '2026-08-03';

/** When a contract expiring on `expiryDate` (IST date) stops trading, epoch ms. */
export function expiryCloseMs(expiryDate: string): number {
  const close = expiryDate >= LONGER_SESSION_FROM ? '15:40' : '15:30';
  return Date.parse(`${expiryDate}T${close}:00+05:30`);
}

/** Time left to expiry in years (ACT/365, the pricer's convention); 0 once expired. */
export function yearsToExpiry(nowMs: number, expiryDate: string): number {
  return Math.max(0, (expiryCloseMs(expiryDate) - nowMs) / MS_PER_YEAR);
}
