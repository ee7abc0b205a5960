import { epochMsOfIst, type IsoDate, type IstTime } from '../time/ist-date';

const MS_PER_YEAR = 365 * 86_400_000;

/** ACT/365 years from an instant to an expiry's close (IST), never negative. Pure. */
export function yearsToExpiry(asOfMs: number, expiry: IsoDate, closeTime: IstTime): number {
  return Math.max(0, epochMsOfIst(expiry, closeTime) - asOfMs) / MS_PER_YEAR;
}
