import type { DaySession, IsoDate, IstTime, NseCalendar, SessionWindow } from '@mcube/domain';

/**
 * An `NseCalendar` that remembers its answers per date (and date + time): the same calendar,
 * asked the same questions tens of thousands of times in a backtest. Answers are the wrapped
 * calendar's, errors included (they are not cached).
 */
export function memoCalendar(calendar: NseCalendar): NseCalendar {
  const trading = new Map<IsoDate, boolean>();
  const sessions = new Map<IsoDate, DaySession | null>();
  const within = new Map<string, boolean>();
  const prev = new Map<IsoDate, IsoDate>();
  const next = new Map<IsoDate, IsoDate>();
  const weekly = new Map<string, IsoDate[]>();
  const monthly = new Map<string, IsoDate>();
  const once = <K, V>(map: Map<K, V>, key: K, compute: () => V): V => {
    if (map.has(key)) return map.get(key) as V;
    const value = compute();
    map.set(key, value);
    return value;
  };
  return {
    horizon: calendar.horizon,
    confirmedYears: calendar.confirmedYears,
    isConfirmed: (date) => calendar.isConfirmed(date),
    expiriesWithStatus: (underlying, from, to) => calendar.expiriesWithStatus(underlying, from, to),
    isConfirmedExpiry: (underlying, expiry) => calendar.isConfirmedExpiry(underlying, expiry),
    hasExpiryRules: (underlying) => calendar.hasExpiryRules(underlying),
    isTradingDay: (date) => once(trading, date, () => calendar.isTradingDay(date)),
    isMuhuratDay: (date) => calendar.isMuhuratDay(date),
    sessionFor: (date) => once(sessions, date, () => calendar.sessionFor(date)),
    preOpenFor: (date): SessionWindow | null => calendar.preOpenFor(date),
    isWithinSession: (date: IsoDate, time: IstTime) => once(within, `${date} ${time}`, () => calendar.isWithinSession(date, time)),
    previousTradingDay: (date) => once(prev, date, () => calendar.previousTradingDay(date)),
    nextTradingDay: (date) => once(next, date, () => calendar.nextTradingDay(date)),
    weeklyExpiries: (underlying, from, to) => [...once(weekly, `${underlying}|${from}|${to}`, () => calendar.weeklyExpiries(underlying, from, to))],
    monthlyExpiry: (underlying, month) => once(monthly, `${underlying}|${month}`, () => calendar.monthlyExpiry(underlying, month)),
  };
}
