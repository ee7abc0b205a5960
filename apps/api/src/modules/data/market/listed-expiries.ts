import { addDays, compareDates, monthlyExpiriesBetween, weeklyExpiriesAhead, type IsoDate, type NseCalendar } from '@mcube/domain';

/** Listed expiries of an underlying from an IST date on: every expiry ~10 weeks ahead, and the monthlies of ~3 months. */
export interface ListedExpiries {
  weekly: IsoDate[];
  monthly: IsoDate[];
}

/**
 * The expiries of `underlying` on or after `today` (IST), ascending, from the dated NSE rules.
 * Past the calendar's horizon they are the dated rules' assumed dates.
 */
export function listedExpiries(calendar: NseCalendar, underlying: string, today: IsoDate): ListedExpiries {
  const weekly = weeklyExpiriesAhead(calendar, underlying, today, 70);
  const monthly = monthlyExpiriesBetween(calendar, underlying, today, addDays(today, 100)).slice(0, 3);
  return { weekly, monthly };
}

/**
 * The expiries the chain job snapshots: the nearest listed expiry and the nearest monthly
 * (one entry when they coincide), ascending.
 */
export function snapshotExpiries(listed: ListedExpiries): IsoDate[] {
  const picked = new Set<IsoDate>();
  if (listed.weekly[0]) picked.add(listed.weekly[0]);
  if (listed.monthly[0]) picked.add(listed.monthly[0]);
  return [...picked].sort(compareDates);
}
