import { addDays, isoWeekday } from '../time/ist-date';
import { delegatingNseCalendar } from './delegating-calendar';
import { createDefaultNseCalendar, createNseCalendar } from './nse-calendar';

const cal = createDefaultNseCalendar();

describe('the calendar horizon: confirmed and assumed days', () => {
  it('knows its horizon and confirmed years (the shipped table: 2015–2026)', () => {
    expect(cal.horizon).toBe('2026-12-31');
    expect(cal.confirmedYears).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(cal.isConfirmed('2026-12-31')).toBe(true);
    expect(cal.isConfirmed('2027-01-01')).toBe(false);
    expect(cal.isConfirmed('2014-12-31')).toBe(false);
  });

  // Failed on main: every one of these threw UNKNOWN_DATE.
  it('answers past the horizon with the weekday rule instead of throwing', () => {
    expect(cal.nextTradingDay('2026-12-31')).toBe('2027-01-01');
    expect(cal.isTradingDay('2027-03-01')).toBe(true); // Monday
    expect(cal.isTradingDay('2027-03-06')).toBe(false); // Saturday
    expect(cal.sessionFor('2028-06-05')).toEqual({ open: '09:15', close: '15:40', kind: 'NORMAL' });
    expect(cal.isWithinSession('2028-06-05', '15:39:59')).toBe(true);
    expect(cal.previousTradingDay('2027-03-01')).toBe('2027-02-26');
    expect(cal.isTradingDay('2014-12-31')).toBe(true);
    for (let d = '2027-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) expect(cal.isTradingDay(d)).toBe(isoWeekday(d) <= 5);
  });

  it('computes assumed expiries past the horizon and says which are confirmed', () => {
    expect(cal.weeklyExpiries('NIFTY', '2027-03-01', '2027-03-31')).toEqual(['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23', '2027-03-30']);
    expect(cal.monthlyExpiry('NIFTY', '2027-01')).toBe('2027-01-26');
    expect(cal.expiriesWithStatus('NIFTY', '2026-12-20', '2027-01-10')).toEqual([
      { date: '2026-12-22', confirmed: true },
      { date: '2026-12-29', confirmed: true },
      { date: '2027-01-05', confirmed: false },
    ]);
    expect(cal.isConfirmedExpiry('NIFTY', '2026-12-29')).toBe(true);
    expect(cal.isConfirmedExpiry('NIFTY', '2027-01-05')).toBe(false);
    expect(cal.isConfirmedExpiry('STOCK', '2027-01-26')).toBe(false);
    // A date that is no expiry at all is vouched for as far as its own day is.
    expect(cal.isConfirmedExpiry('NIFTY', '2026-12-30')).toBe(true);
  });

  it('treats an expiry rolled back into a confirmed year from an unknown nominal day as unconfirmed', () => {
    // Nominal Friday 2030-01-04 is a listed holiday: the expiry rolls back to 2030-01-03, but 2029-2030 is not confirmed beyond 2029.
    const x = createNseCalendar({ holidays: ['2030-01-04'], confirmedYears: [2029], expiryRules: { X: [{ effectiveFrom: '2029-01-01', weekday: 5, weekly: true }] } });
    expect(x.expiriesWithStatus('X', '2029-12-25', '2030-01-10')).toEqual([
      { date: '2029-12-28', confirmed: true },
      { date: '2030-01-03', confirmed: false },
    ]);
    const y = createNseCalendar({ holidays: ['2030-01-01'], confirmedYears: [2029, 2030], expiryRules: { X: [{ effectiveFrom: '2029-01-01', weekday: 2, weekly: true }] } });
    expect(y.expiriesWithStatus('X', '2029-12-28', '2030-01-02')).toEqual([{ date: '2029-12-31', confirmed: true }]);
    expect(y.horizon).toBe('2030-12-31');
  });

  it('moves the horizon when the next year is confirmed, but not over a gap', () => {
    expect(createDefaultNseCalendar({ confirmedYears: [2027] }).horizon).toBe('2027-12-31');
    const gap = createDefaultNseCalendar({ confirmedYears: [2028] });
    expect(gap.horizon).toBe('2026-12-31');
    expect(gap.isConfirmed('2028-06-05')).toBe(true);
    expect(gap.isConfirmed('2027-06-07')).toBe(false);
  });

  it('uses holidays entered for an unconfirmed year, still calling the year unconfirmed', () => {
    const c = createDefaultNseCalendar({ overrides: [{ date: '2027-01-26', kind: 'HOLIDAY', name: 'Republic Day' }] });
    expect(c.isTradingDay('2027-01-26')).toBe(false);
    expect(c.monthlyExpiry('NIFTY', '2027-01')).toBe('2027-01-25');
    expect(c.isConfirmed('2027-01-26')).toBe(false);
  });

  it('confirms every date of a calendar built without year bounds', () => {
    const open = createNseCalendar({ holidays: [] });
    expect(open.horizon).toBeNull();
    expect(open.confirmedYears).toEqual([]);
    expect(open.isConfirmed('2090-01-02')).toBe(true);
    expect(open.isConfirmedExpiry('NIFTY', '2090-01-03')).toBe(true);
  });
});

describe('delegatingNseCalendar', () => {
  it('answers from the calendar current at each call', () => {
    let current = createDefaultNseCalendar();
    const cal = delegatingNseCalendar(() => current);
    expect(cal.horizon).toBe('2026-12-31');
    expect(cal.isTradingDay('2027-01-26')).toBe(true);
    current = createDefaultNseCalendar({ confirmedYears: [2027], overrides: [{ date: '2027-01-26', kind: 'HOLIDAY', name: 'Republic Day' }] });
    expect(cal.horizon).toBe('2027-12-31');
    expect(cal.isTradingDay('2027-01-26')).toBe(false);
    expect(cal.confirmedYears).toContain(2027);
  });
});
