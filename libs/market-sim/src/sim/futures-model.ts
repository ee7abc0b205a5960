import { daysBetween, type IsoDate } from '@mcube/domain';
import { hashLabel } from './prng';

/** Cost-of-carry fair value of a future: spot·e^{(r − q)·T}. */
export function fairFuturesPrice(spot: number, years: number, rate: number, dividendYield: number): number {
  return spot * Math.exp((rate - dividendYield) * years);
}

/** Units of NIFTY futures OI in the near month away from expiry. */
export const NIFTY_FUTURES_OI_BASE = 12_000_000;

/**
 * Target OI (units, whole lots) of the `rank`-th listed monthly future (0 = near) on `date`: the
 * near month holds most of it until its last week, when positions roll into the next month.
 * `seed` varies it reproducibly from day to day.
 */
export function futuresOpenInterestTarget(input: { date: IsoDate; nearExpiry: IsoDate; expiry: IsoDate; rank: number; lotSize: number; seed: number }): number {
  const daysToNear = Math.max(0, daysBetween(input.date, input.nearExpiry));
  const roll = daysToNear >= 7 ? 0 : 1 - daysToNear / 7;
  const share = input.rank === 0 ? 1 - 0.7 * roll : input.rank === 1 ? 0.2 + 0.7 * roll : 0.04;
  const noise = hashLabel(`${input.seed}|${input.date}|${input.expiry}`) / 4294967296;
  const units = NIFTY_FUTURES_OI_BASE * share * (0.9 + 0.2 * noise);
  return Math.round(units / input.lotSize) * input.lotSize;
}
