import type { NseCalendar } from './calendar.types';

/**
 * A calendar that answers with whatever `current()` returns at each call, so holders of it see
 * a rebuilt calendar (holidays entered, a year confirmed) without being handed a new object.
 * Each call reads `current()` once; a caller needing several answers from one consistent
 * version should take `current()` itself.
 */
export function delegatingNseCalendar(current: () => NseCalendar): NseCalendar {
  return {
    get horizon() {
      return current().horizon;
    },
    get confirmedYears() {
      return current().confirmedYears;
    },
    isConfirmed: (date) => current().isConfirmed(date),
    isTradingDay: (date) => current().isTradingDay(date),
    isMuhuratDay: (date) => current().isMuhuratDay(date),
    sessionFor: (date) => current().sessionFor(date),
    preOpenFor: (date) => current().preOpenFor(date),
    isWithinSession: (date, time) => current().isWithinSession(date, time),
    previousTradingDay: (date) => current().previousTradingDay(date),
    nextTradingDay: (date) => current().nextTradingDay(date),
    weeklyExpiries: (underlying, from, to) => current().weeklyExpiries(underlying, from, to),
    expiriesWithStatus: (underlying, from, to) => current().expiriesWithStatus(underlying, from, to),
    isConfirmedExpiry: (underlying, expiry) => current().isConfirmedExpiry(underlying, expiry),
    monthlyExpiry: (underlying, month) => current().monthlyExpiry(underlying, month),
    hasExpiryRules: (underlying) => current().hasExpiryRules(underlying),
  };
}
