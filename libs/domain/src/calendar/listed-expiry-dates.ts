import { addDays, compareDates, type IsoDate } from '../time/ist-date';
import type { NseCalendar } from './calendar.types';

/**
 * Monthly expiries of `underlying` in [from, to], ascending; throws NO_EXPIRY_AVAILABLE for a month without a contract. Past the calendar's horizon they are
 * the assumed dates of the dated rules (the simulated market lists them like any other).
 */
export function monthlyExpiriesBetween(calendar: NseCalendar, underlying: string, from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    if (ym > last) break;
    const e = calendar.monthlyExpiry(underlying, ym);
    if (compareDates(e, from) >= 0 && compareDates(e, to) <= 0) out.push(e);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return out;
}

/** Weekly-cycle expiries of `underlying` from `from` over the next `days` days, ascending (assumed past the horizon). */
export function weeklyExpiriesAhead(calendar: NseCalendar, underlying: string, from: IsoDate, days: number): IsoDate[] {
  return calendar.weeklyExpiries(underlying, from, addDays(from, days));
}
