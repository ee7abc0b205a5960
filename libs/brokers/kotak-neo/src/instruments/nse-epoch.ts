import { istDateTimeOf, type IsoDate } from '@mcube/domain';

/**
 * NSE's F&O files count seconds from 1980-01-01 00:00 IST; Unix time is that plus
 * 315,513,000 s (1980-01-01 00:00 IST in Unix seconds, the `pCurrectionTime` column).
 */
export const NSE_EPOCH_OFFSET_SECONDS = 315_513_000;

/** The IST date of an `lExpiryDate` value, or undefined outside 2000–2099. */
export function expiryDateOfNseSeconds(seconds: number): IsoDate | undefined {
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return undefined;
  const date = istDateTimeOf((seconds + NSE_EPOCH_OFFSET_SECONDS) * 1000).date;
  return date >= '2000-01-01' && date <= '2099-12-31' ? date : undefined;
}

/** The `lExpiryDate` value of an IST date at 14:30 IST (for writing fixtures). */
export function nseSecondsOfExpiry(date: IsoDate): number {
  return Date.parse(`${date}T14:30:00+05:30`) / 1000 - NSE_EPOCH_OFFSET_SECONDS;
}
