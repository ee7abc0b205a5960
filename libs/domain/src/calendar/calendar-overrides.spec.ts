import { DomainError } from '../errors/domain-error';
import { applyCalendarOverrides, replaceYearHolidays, validateCalendarOverride, type CalendarDayOverride } from './calendar-overrides';
import { createDefaultNseCalendar } from './nse-calendar';
import { NSE_HOLIDAYS } from './nse-holidays.data';
import { NSE_SPECIAL_SESSIONS } from './special-sessions.data';

const SEED = { holidays: NSE_HOLIDAYS, specialSessions: NSE_SPECIAL_SESSIONS };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
};

describe('calendar overrides', () => {
  it('adds a holiday, withdraws a shipped one and adds sessions with their hours', () => {
    const overrides: CalendarDayOverride[] = [
      { date: '2026-08-04', kind: 'HOLIDAY', name: 'Short-notice holiday' },
      { date: '2026-12-25', kind: 'NORMAL' },
      { date: '2026-11-08', kind: 'MUHURAT', name: 'Diwali muhurat', open: '18:00', close: '19:00' },
      { date: '2027-02-06', kind: 'SPECIAL', name: 'Budget (Saturday)', open: '09:15', close: '15:30' },
    ];
    const cal = createDefaultNseCalendar({ overrides });
    expect(cal.isTradingDay('2026-08-04')).toBe(false);
    expect(cal.isTradingDay('2026-12-25')).toBe(true);
    expect(cal.sessionFor('2026-11-08')).toEqual({ open: '18:00', close: '19:00', kind: 'MUHURAT' });
    expect(cal.isTradingDay('2026-11-08')).toBe(false);
    expect(cal.isTradingDay('2027-02-06')).toBe(true);
    expect(cal.isWithinSession('2027-02-06', '15:29:59')).toBe(true);
    const data = applyCalendarOverrides(SEED, overrides);
    expect(data.holidays.find((h) => h.date === '2026-08-04')?.name).toBe('Short-notice holiday');
    expect(data.holidays.some((h) => h.date === '2026-12-25')).toBe(false);
  });

  it('replaces a shipped special session on the same date (an override decides its date)', () => {
    const data = applyCalendarOverrides(SEED, [{ date: '2026-02-01', kind: 'SPECIAL', name: 'Budget', open: '10:00', close: '14:00' }]);
    expect(data.specialSessions['2026-02-01']).toEqual({ open: '10:00', close: '14:00', kind: 'SPECIAL', name: 'Budget' });
    expect(SEED.specialSessions['2026-02-01'].open).toBe('09:15');
  });

  it.each([
    ['a weekend holiday (changes nothing)', { date: '2027-01-02', kind: 'HOLIDAY', name: 'x' }, 'INVALID_ARGUMENT'],
    ['a bad date', { date: '2027-02-30', kind: 'HOLIDAY', name: 'x' }, 'INVALID_DATE'],
    ['an unknown kind', { date: '2027-01-04', kind: 'CLOSED', name: 'x' }, 'INVALID_ARGUMENT'],
    ['a holiday without a name', { date: '2027-01-04', kind: 'HOLIDAY', name: ' ' }, 'INVALID_ARGUMENT'],
    ['a session closing before it opens', { date: '2027-01-02', kind: 'SPECIAL', name: 'x', open: '15:30', close: '09:15' }, 'INVALID_ARGUMENT'],
    ['a session with a bad time', { date: '2027-01-02', kind: 'SPECIAL', name: 'x', open: '9:15', close: '15:30' }, 'INVALID_TIME'],
  ])('rejects %s', (_label, o, code) => {
    expect(codeOf(() => validateCalendarOverride(o as CalendarDayOverride))).toBe(code);
  });

  it('withdraws a shipped weekend session with NORMAL (the weekend rule: closed)', () => {
    expect(createDefaultNseCalendar({ overrides: [{ date: '2026-02-01', kind: 'NORMAL' }] }).isTradingDay('2026-02-01')).toBe(false);
  });

  it('rejects two overrides of one date', () => {
    const o = { date: '2027-01-04', kind: 'NORMAL' } as const;
    expect(codeOf(() => applyCalendarOverrides(SEED, [o, o]))).toBe('INVALID_ARGUMENT');
  });
});

describe('replacing a year of holidays', () => {
  it('makes the year hold exactly the listed weekday holidays, keeping sessions and other years', () => {
    const existing: CalendarDayOverride[] = [
      { date: '2026-08-04', kind: 'HOLIDAY', name: 'old entry' },
      { date: '2026-11-08', kind: 'MUHURAT', name: 'Diwali muhurat', open: '18:00', close: '19:00' },
      { date: '2027-01-26', kind: 'HOLIDAY', name: 'Republic Day' },
    ];
    const listed2026 = NSE_HOLIDAYS.filter((h) => h.date.startsWith('2026') && h.date !== '2026-12-25');
    const out = replaceYearHolidays({ year: 2026, holidays: [...listed2026, { date: '2026-11-08', name: 'Diwali (Sunday)' }], seed: SEED, overrides: existing });
    const cal = createDefaultNseCalendar({ overrides: out });
    expect(cal.isTradingDay('2026-08-04')).toBe(true);
    expect(cal.isTradingDay('2026-12-25')).toBe(true);
    expect(cal.isTradingDay('2026-03-31')).toBe(false);
    expect(cal.sessionFor('2026-11-08')?.kind).toBe('MUHURAT');
    expect(cal.isTradingDay('2027-01-26')).toBe(false);
    expect(out.filter((o) => o.date === '2026-11-08')).toHaveLength(1);
  });

  it('keeps a shipped muhurat day a muhurat day when the list names it', () => {
    const out = replaceYearHolidays({ year: 2025, holidays: NSE_HOLIDAYS.filter((h) => h.date.startsWith('2025')), seed: SEED, overrides: [] });
    expect(out.some((o) => o.date === '2025-10-21')).toBe(false);
    expect(createDefaultNseCalendar({ overrides: out }).sessionFor('2025-10-21')?.kind).toBe('MUHURAT');
  });

  it('refuses a date outside the year and a date listed twice', () => {
    expect(codeOf(() => replaceYearHolidays({ year: 2027, holidays: [{ date: '2026-12-25', name: 'x' }], seed: SEED, overrides: [] }))).toBe('INVALID_ARGUMENT');
    const twice = [{ date: '2027-01-26', name: 'a' }, { date: '2027-01-26', name: 'b' }];
    expect(codeOf(() => replaceYearHolidays({ year: 2027, holidays: twice, seed: SEED, overrides: [] }))).toBe('INVALID_ARGUMENT');
  });
});
