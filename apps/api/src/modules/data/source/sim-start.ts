import { epochMsOfIst, istDateTimeOf, type IsoDate, type NseCalendar } from '@mcube/domain';

/** Where the simulated market starts. */
export interface SimStartPlan {
  /** The simulator's first live day (a trading day). */
  readonly startDate: IsoDate;
  /** The market clock's first instant; null: the market clock is the process clock itself. */
  readonly clockStartMs: number | null;
  /** true when a stored market clock was resumed. */
  readonly resumed: boolean;
  /** Something to tell the operator (a start date that a stored clock overrides), else null. */
  readonly note: string | null;
}

/**
 * Plans the simulator's start (pure). The configured start (MCUBE_SIM_START) is the first day;
 * a weekend or holiday moves to the next trading day, and the clock starts at its open. Without
 * it the first day is the trading day before today, and at speed 1 the market clock is the
 * process clock (a day of history behind now); above 1 the session-only clock starts at that
 * day's open. A stored market instant later than that start wins: the market resumes where it
 * was and never rewinds (orders, fills and alerts are stamped in market time), so a start day
 * earlier than the stored clock's day is ignored with a note. The simulator then starts on the
 * resumed instant's trading day (or the trading day before it).
 */
export function planSimStart(input: { nowMs: number; calendar: NseCalendar; speed: number; configuredStart?: IsoDate; storedMs?: number | null }): SimStartPlan {
  const { calendar } = input;
  const today = istDateTimeOf(input.nowMs).date;
  const configured = input.configuredStart;
  const firstDay = configured ? (calendar.isTradingDay(configured) ? configured : calendar.nextTradingDay(configured)) : calendar.previousTradingDay(today);
  const openMs = epochMsOfIst(firstDay, calendar.sessionFor(firstDay)?.open ?? '09:15');
  const followsProcess = !configured && input.speed <= 1;
  const derivedMs = followsProcess ? input.nowMs : openMs;
  const stored = input.storedMs ?? null;
  if (stored !== null && stored > derivedMs) {
    const day = istDateTimeOf(stored).date;
    const startDate = calendar.isTradingDay(day) ? day : calendar.previousTradingDay(day);
    const at = istDateTimeOf(stored);
    // Only a start day earlier than the stored day is worth a word: the same day is a plain resume.
    const note =
      configured && firstDay < day
        ? `MCUBE_SIM_START=${configured} is before the stored market clock ${at.date} ${at.time} IST: the market resumes there (it never rewinds; start a fresh database to begin earlier)`
        : null;
    return { startDate, clockStartMs: stored, resumed: true, note };
  }
  return { startDate: firstDay, clockStartMs: followsProcess ? null : derivedMs, resumed: false, note: null };
}
