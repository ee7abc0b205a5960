import { addDays, compareDates, DomainError, epochMsOfIst, type IsoDate, type NseCalendar } from '@mcube/domain';

/** A day's trading windows in UTC epoch ms: [openMs, closeMs) overall and the pieces that trade. */
export interface SessionMs {
  readonly date: IsoDate;
  readonly openMs: number;
  readonly closeMs: number;
  /** The windows that trade, [start, end) each (one window unless the session is split). */
  readonly windows: readonly (readonly [number, number])[];
}

/** The session of `date` in epoch ms. Throws INVALID_ARGUMENT when the exchange is shut that day. */
export function sessionMsOf(calendar: NseCalendar, date: IsoDate): SessionMs {
  const s = calendar.sessionFor(date);
  if (!s) throw new DomainError('INVALID_ARGUMENT', `${date} has no session`, { date });
  const pieces = s.segments && s.segments.length > 0 ? s.segments : [s];
  return {
    date,
    openMs: epochMsOfIst(date, s.open),
    closeMs: epochMsOfIst(date, s.close),
    windows: pieces.map((w) => [epochMsOfIst(date, w.open), epochMsOfIst(date, w.close)] as const),
  };
}

/** true when `ms` lies in one of the session's trading windows. */
export function isInWindows(session: SessionMs, ms: number): boolean {
  return session.windows.some(([a, b]) => ms >= a && ms < b);
}

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
