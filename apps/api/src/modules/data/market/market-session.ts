import { istDateTimeOf, type NseCalendar } from '@mcube/domain';

/**
 * Whether NSE F&O trades at the instant `ms` (UTC epoch): a trading day (not a weekend,
 * holiday or muhurat-only day) and open ≤ IST time < close. Past the calendar's horizon the
 * assumed weekday sessions count (market data keeps flowing; only new entries are refused).
 */
export function isMarketInSession(calendar: NseCalendar, ms: number): boolean {
  const { date, time } = istDateTimeOf(ms);
  return calendar.isTradingDay(date) && calendar.isWithinSession(date, time);
}

/** What the market is doing at an instant, for the console's status bar. */
export type MarketSessionState = 'PRE_OPEN' | 'OPEN' | 'CLOSED' | 'HOLIDAY';

/**
 * The session state at `ms`: OPEN inside the F&O session, PRE_OPEN inside the day's pre-open
 * window, HOLIDAY on a weekday the exchange is shut (a listed holiday, a muhurat-only day),
 * CLOSED otherwise (before or after the session, weekends).
 */
export function marketSessionState(calendar: NseCalendar, ms: number): MarketSessionState {
  const { date, time } = istDateTimeOf(ms);
  if (isMarketInSession(calendar, ms)) return 'OPEN';
  if (!calendar.isTradingDay(date)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? 'CLOSED' : 'HOLIDAY';
  }
  const pre = calendar.preOpenFor(date);
  return pre && time >= pre.open && time < pre.close ? 'PRE_OPEN' : 'CLOSED';
}
