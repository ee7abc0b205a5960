import { normalSessionCloseOn } from '../calendar/normal-session-close';
import { epochMsOfIst, type IsoDate, type IstTime } from '../time/ist-date';

const MS_PER_YEAR = 365 * 86_400_000;

/** ACT/365 years from an instant to an expiry's close (IST), never negative. Pure. */
export function yearsToExpiry(asOfMs: number, expiry: IsoDate, closeTime: IstTime): number {
  return Math.max(0, epochMsOfIst(expiry, closeTime) - asOfMs) / MS_PER_YEAR;
}

/** When a contract expiring on `expiry` stops trading: the close of that day's normal F&O session, epoch ms. */
export function expiryCloseMs(expiry: IsoDate): number {
  return epochMsOfIst(expiry, normalSessionCloseOn(expiry));
}

/** `yearsToExpiry` to the close of the expiry day's normal session (15:30 IST, 15:40 from 2026-08-03). */
export function yearsToExpiryClose(asOfMs: number, expiry: IsoDate): number {
  return yearsToExpiry(asOfMs, expiry, normalSessionCloseOn(expiry));
}
