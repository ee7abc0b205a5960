import { DomainError, epochMsOfIst, type IsoDate, type NseCalendar } from '@mcube/domain';

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

/** Expiry listing moved to the domain (issue 13); re-exported for existing importers. */
export { monthlyExpiriesBetween, weeklyExpiriesAhead } from '@mcube/domain';
