import { readSharedCsv } from '@mcube/testing';
import { addDays, isoWeekday } from '../time/ist-date';
import { NSE_SPECIAL_SESSIONS } from './special-sessions.data';
import { createDefaultNseCalendar } from './nse-calendar';

// Checked window: the shipped table starts 2015-01-01; the price history ends 2026-08-21.
const FROM = '2015-01-01';
const TO = '2026-08-21';

const priceDays = new Set(
  readSharedCsv('calendar/nse_trading_days_2000-2026.csv')
    .map((r) => r['date'])
    .filter((d) => d >= FROM && d <= TO),
);
// Diwali Laxmi Pujan on a weekday: NSE publishes it as a holiday, and the one-hour muhurat
// session leaves a price row. Our calendar counts it as a holiday (not a trading day).
const MUHURAT_WEEKDAYS = Object.entries(NSE_SPECIAL_SESSIONS)
  .filter(([d, s]) => s.kind === 'MUHURAT' && isoWeekday(d) <= 5)
  .map(([d]) => d);

describe('NSE calendar against the NIFTY price history 2015-01-01..2026-08-21', () => {
  const cal = createDefaultNseCalendar();

  it('counts a weekday as a trading day exactly when NIFTY has a price that day, muhurat days excepted', () => {
    const disagreements: string[] = [];
    for (let d = FROM; d <= TO; d = addDays(d, 1)) {
      if (isoWeekday(d) > 5 || MUHURAT_WEEKDAYS.includes(d)) continue;
      if (cal.isTradingDay(d) !== priceDays.has(d)) disagreements.push(d);
    }
    expect(disagreements).toEqual([]);
  });

  it('treats each weekday muhurat day as a holiday that still has its session and a price row', () => {
    expect(MUHURAT_WEEKDAYS).toEqual(['2015-11-11', '2017-10-19', '2018-11-07', '2021-11-04', '2022-10-24', '2024-11-01', '2025-10-21']);
    for (const d of MUHURAT_WEEKDAYS) {
      expect(priceDays.has(d)).toBe(true);
      expect(cal.isTradingDay(d)).toBe(false);
      expect(cal.isMuhuratDay(d)).toBe(true);
      expect(cal.sessionFor(d)?.kind).toBe('MUHURAT');
    }
  });

  it('has a special session on every weekend day with prices, and on no other weekend day', () => {
    const weekendPriceDays = [...priceDays].filter((d) => isoWeekday(d) > 5).sort();
    const weekendSessions: string[] = [];
    for (let d = FROM; d <= TO; d = addDays(d, 1)) {
      if (isoWeekday(d) > 5 && cal.sessionFor(d) !== null) weekendSessions.push(d);
    }
    expect(weekendSessions).toEqual(weekendPriceDays);
    expect(weekendPriceDays.length).toBeGreaterThanOrEqual(11);
  });

  it('makes weekend budget and special sessions trading days, weekend muhurat days not', () => {
    for (const d of [...priceDays].filter((x) => isoWeekday(x) > 5)) {
      const kind = cal.sessionFor(d)?.kind;
      expect(cal.isTradingDay(d)).toBe(kind === 'SPECIAL');
    }
    expect(cal.isTradingDay('2026-02-01')).toBe(true);
    expect(cal.isTradingDay('2023-11-12')).toBe(false);
  });

  it('steps from one price day to the next, skipping muhurat-only days', () => {
    const tradingDays = [...priceDays].filter((d) => !cal.isMuhuratDay(d)).sort();
    for (let i = 1; i < tradingDays.length; i++) {
      expect(cal.nextTradingDay(tradingDays[i - 1])).toBe(tradingDays[i]);
      expect(cal.previousTradingDay(tradingDays[i])).toBe(tradingDays[i - 1]);
    }
  });

  it('lists every published future 2026 holiday that falls on a weekday', () => {
    const published = readSharedCsv('calendar/nse_holidays_published_2018-2026.csv').filter(
      (r) => r['date'] > TO && isoWeekday(r['date']) <= 5,
    );
    expect(published.length).toBeGreaterThan(0);
    for (const r of published) expect(cal.isTradingDay(r['date'])).toBe(false);
  });
});
