import { DomainError } from '../errors/domain-error';
import { addDays, isoWeekday } from '../time/ist-date';
import { NSE_HOLIDAYS } from './nse-holidays.data';
import { createDefaultNseCalendar, createNseCalendar } from './nse-calendar';

const cal = createDefaultNseCalendar();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

// DECISIONS.md §2, written out independently of the data file.
const HOLIDAYS_2026 = [
  '2026-01-15', '2026-01-26', '2026-03-03', '2026-03-26', '2026-03-31', '2026-04-03', '2026-04-14', '2026-05-01',
  '2026-05-28', '2026-06-26', '2026-09-14', '2026-10-02', '2026-10-20', '2026-11-10', '2026-11-24', '2026-12-25',
];

describe('NSE holidays', () => {
  it('ships exactly the 2026 trading holidays of DECISIONS.md', () => {
    expect(NSE_HOLIDAYS.filter((h) => h.date.startsWith('2026')).map((h) => h.date)).toEqual(HOLIDAYS_2026);
    for (const d of HOLIDAYS_2026) expect(cal.isTradingDay(d)).toBe(false);
  });

  it('trades on every other weekday of 2026 except the Sunday budget session', () => {
    const tradingWeekdays: string[] = [];
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (isoWeekday(d) <= 5 && !HOLIDAYS_2026.includes(d)) {
        expect(cal.isTradingDay(d)).toBe(true);
        tradingWeekdays.push(d);
      }
    }
    expect(tradingWeekdays.length).toBe(261 - HOLIDAYS_2026.length);
    expect(cal.isTradingDay('2026-02-01')).toBe(true);
    expect(cal.isTradingDay('2026-02-07')).toBe(false);
  });

  it('lists each holiday once, in date order, all on weekdays', () => {
    const dates = NSE_HOLIDAYS.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.filter((d) => isoWeekday(d) > 5)).toEqual([]);
  });

  it('gives a holiday no session at all', () => {
    expect(cal.sessionFor('2026-03-31')).toBeNull();
    expect(cal.preOpenFor('2026-03-31')).toBeNull();
    expect(cal.isWithinSession('2026-03-31', '10:00')).toBe(false);
    expect(cal.sessionFor('2026-08-15')).toBeNull(); // Saturday
  });

  it('adds extra holidays given at short notice', () => {
    const withExtra = createDefaultNseCalendar({ extraHolidays: ['2026-08-04'] });
    expect(withExtra.isTradingDay('2026-08-04')).toBe(false);
    expect(withExtra.sessionFor('2026-08-04')).toBeNull();
    expect(withExtra.nextTradingDay('2026-08-03')).toBe('2026-08-05');
    expect(cal.isTradingDay('2026-08-04')).toBe(true);
  });
});

describe('sessions', () => {
  it.each([
    ['2026-07-31', '09:14:59', false],
    ['2026-07-31', '09:15:00', true],
    ['2026-07-31', '15:29:59', true],
    ['2026-07-31', '15:30:00', false],
    ['2026-07-31', '15:39:59', false],
    ['2026-07-31', '15:40:00', false],
    ['2026-08-03', '09:14:59', false],
    ['2026-08-03', '09:15:00', true],
    ['2026-08-03', '15:29:59', true],
    ['2026-08-03', '15:30:00', true],
    ['2026-08-03', '15:39:59', true],
    ['2026-08-03', '15:40:00', false],
    ['2026-08-03', '09:15', true],
    ['2026-08-03', '15:40', false],
  ])('on %s at %s is within the session: %s', (date, time, inside) => {
    expect(cal.isWithinSession(date, time)).toBe(inside);
  });

  it('closes at 15:30 before 2026-08-03 and at 15:40 from then', () => {
    expect(cal.sessionFor('2026-07-31')).toEqual({ open: '09:15', close: '15:30', kind: 'NORMAL' });
    expect(cal.sessionFor('2026-08-03')).toEqual({ open: '09:15', close: '15:40', kind: 'NORMAL' });
  });

  it('exposes the futures pre-open from 2025-12-08 but never counts it as the session', () => {
    expect(cal.preOpenFor('2025-12-05')).toBeNull();
    expect(cal.preOpenFor('2025-12-08')).toEqual({ open: '09:00', close: '09:15' });
    expect(cal.isWithinSession('2025-12-08', '09:05')).toBe(false);
  });

  it('opens a muhurat hour on a Diwali holiday without making it a trading day', () => {
    expect(cal.isTradingDay('2025-10-21')).toBe(false);
    expect(cal.sessionFor('2025-10-21')).toEqual({ open: '13:45', close: '14:45', kind: 'MUHURAT' });
    expect(cal.isWithinSession('2025-10-21', '13:45')).toBe(true);
    expect(cal.isWithinSession('2025-10-21', '14:45')).toBe(false);
    expect(cal.isWithinSession('2025-10-21', '10:00')).toBe(false);
    expect(cal.preOpenFor('2025-10-21')).toBeNull();
  });

  it('trades a split DR session only inside its segments', () => {
    expect(cal.isTradingDay('2024-03-02')).toBe(true);
    expect(cal.isWithinSession('2024-03-02', '09:59:59')).toBe(true);
    expect(cal.isWithinSession('2024-03-02', '10:30')).toBe(false);
    expect(cal.isWithinSession('2024-03-02', '11:30')).toBe(true);
    expect(cal.isWithinSession('2024-03-02', '12:30')).toBe(false);
  });

  it('uses session rules passed in instead of the defaults', () => {
    const custom = createNseCalendar({ holidays: [], sessions: [{ effectiveFrom: '2020-01-01', open: '10:00', close: '14:00', preOpen: null }] });
    expect(custom.isWithinSession('2026-08-03', '09:30')).toBe(false);
    expect(custom.isWithinSession('2026-08-03', '13:59')).toBe(true);
  });
});

describe('stepping through trading days', () => {
  it('skips weekends and holidays, strictly before and after', () => {
    expect(cal.previousTradingDay('2026-04-06')).toBe('2026-04-02'); // Good Friday 04-03
    expect(cal.nextTradingDay('2026-04-02')).toBe('2026-04-06');
    expect(cal.nextTradingDay('2026-08-03')).toBe('2026-08-04');
    expect(cal.previousTradingDay('2026-08-04')).toBe('2026-08-03');
  });

  it('steps onto a weekend special session but over a muhurat-only day', () => {
    expect(cal.nextTradingDay('2026-01-30')).toBe('2026-02-01');
    expect(cal.previousTradingDay('2025-10-23')).toBe('2025-10-20');
  });
});

describe('calendar input checks', () => {
  it.each([
    ['an impossible date', () => cal.isTradingDay('2026-02-30'), 'INVALID_DATE'],
    ['a badly written date', () => cal.sessionFor('3/31/2026'), 'INVALID_DATE'],
    ['a bad time', () => cal.isWithinSession('2026-08-03', '9:15'), 'INVALID_TIME'],
    ['hour 24', () => cal.isWithinSession('2026-08-03', '24:00'), 'INVALID_TIME'],
    ['a year that is not a year', () => createNseCalendar({ holidays: [], confirmedYears: [2026.5] }), 'INVALID_ARGUMENT'],
    ['a bad extra holiday', () => createDefaultNseCalendar({ extraHolidays: ['2026-13-01'] }), 'INVALID_DATE'],
    ['a missing holiday list', () => createNseCalendar({} as never), 'INVALID_ARGUMENT'],
    ['a session that closes before it opens', () => createNseCalendar({ holidays: [], sessions: [{ effectiveFrom: '2020-01-01', open: '15:30', close: '09:15', preOpen: null }] }), 'INVALID_ARGUMENT'],
    ['special session of an unknown kind', () => createNseCalendar({ holidays: [], specialSessions: { '2026-02-07': { open: '09:15', close: '15:30', kind: 'X' as 'SPECIAL' } } }), 'INVALID_ARGUMENT'],
  ])('rejects %s', (_label, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
