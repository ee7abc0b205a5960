import { DomainError, istDateTimeOf, type NseCalendar } from '@mcube/domain';

/**
 * Whether NSE F&O trades at the instant `ms` (UTC epoch): a trading day (not a weekend,
 * holiday or muhurat-only day) and open ≤ IST time < close. Dates outside the calendar's
 * holiday coverage answer false rather than guess.
 */
export function isMarketInSession(calendar: NseCalendar, ms: number): boolean {
  const { date, time } = istDateTimeOf(ms);
  try {
    return calendar.isTradingDay(date) && calendar.isWithinSession(date, time);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'UNKNOWN_DATE') return false;
    throw error;
  }
}
