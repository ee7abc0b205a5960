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
