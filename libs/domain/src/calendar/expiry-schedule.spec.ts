import { DomainError } from '../errors/domain-error';
import { isoWeekday } from '../time/ist-date';
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

describe('NIFTY expiries', () => {
  it('moves the March 2026 monthly and weekly expiry from holiday Tuesday 2026-03-31 to Monday 2026-03-30', () => {
    expect(cal.isTradingDay('2026-03-31')).toBe(false);
    expect(cal.monthlyExpiry('NIFTY', '2026-03')).toBe('2026-03-30');
    expect(cal.weeklyExpiries('NIFTY', '2026-03-25', '2026-04-03')).toEqual(['2026-03-30']);
  });

  it('expires on Thursday up to 2025-08-28 and on Tuesday from 2025-09-02', () => {
    expect(cal.weeklyExpiries('NIFTY', '2025-08-18', '2025-09-12')).toEqual(['2025-08-21', '2025-08-28', '2025-09-02', '2025-09-09']);
    expect(isoWeekday('2025-08-28')).toBe(4);
    expect(isoWeekday('2025-09-02')).toBe(2);
    expect(cal.monthlyExpiry('NIFTY', '2025-08')).toBe('2025-08-28');
    expect(cal.monthlyExpiry('NIFTY', '2025-09')).toBe('2025-09-30');
  });

  it('moves an expiry on a Diwali muhurat day to the previous trading day', () => {
    expect(cal.weeklyExpiries('NIFTY', '2025-10-18', '2025-10-24')).toEqual(['2025-10-20']);
    expect(cal.weeklyExpiries('NIFTY', '2021-11-01', '2021-11-06')).toEqual(['2021-11-03']);
  });

  it('takes the monthly as the last weekly expiry of the month', () => {
    const june = cal.weeklyExpiries('NIFTY', '2026-06-01', '2026-06-30');
    expect(june).toEqual(['2026-06-02', '2026-06-09', '2026-06-16', '2026-06-23', '2026-06-30']);
    expect(cal.monthlyExpiry('NIFTY', '2026-06')).toBe(june[june.length - 1]);
  });

  it('keeps the monthly on the last Thursday when next month\'s first weekly rolls back into the month', () => {
    expect(cal.weeklyExpiries('NIFTY', '2025-04-21', '2025-05-09')).toEqual(['2025-04-24', '2025-04-30', '2025-05-08']);
    expect(cal.monthlyExpiry('NIFTY', '2025-04')).toBe('2025-04-24');
  });

  it('follows an extra holiday announced at short notice', () => {
    const withExtra = createDefaultNseCalendar({ extraHolidays: ['2026-07-14'] });
    expect(withExtra.weeklyExpiries('NIFTY', '2026-07-10', '2026-07-17')).toEqual(['2026-07-13']);
    expect(cal.weeklyExpiries('NIFTY', '2026-07-10', '2026-07-17')).toEqual(['2026-07-14']);
  });

  it('rolls a Tuesday expiry back into the previous week when Monday and Tuesday are both holidays', () => {
    const twoDays = createDefaultNseCalendar({ extraHolidays: ['2026-07-13', '2026-07-14'] });
    expect(twoDays.weeklyExpiries('NIFTY', '2026-07-10', '2026-07-10')).toEqual(['2026-07-10']);
  });

  it('answers ten thousand repeated queries quickly (memoized per month)', () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i++) cal.weeklyExpiries('NIFTY', '2026-01-01', '2026-03-31');
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(3000);
  });
});

describe('monthly-only underlyings', () => {
  it('gives BANKNIFTY the last Thursday, the last Wednesday from March 2024, Thursday in 2025 and Tuesday from Sep 2025', () => {
    expect(cal.monthlyExpiry('BANKNIFTY', '2024-02')).toBe('2024-02-29');
    expect(cal.monthlyExpiry('BANKNIFTY', '2024-03')).toBe('2024-03-27');
    expect(cal.monthlyExpiry('BANKNIFTY', '2024-12')).toBe('2024-12-24');
    expect(cal.monthlyExpiry('BANKNIFTY', '2025-01')).toBe('2025-01-30');
    expect(cal.monthlyExpiry('BANKNIFTY', '2025-09')).toBe('2025-09-30');
  });

  it('keeps FINNIFTY on the last Tuesday of December 2024 although January 2025 moves to Thursday', () => {
    expect(cal.monthlyExpiry('FINNIFTY', '2024-12')).toBe('2024-12-31');
    expect(cal.monthlyExpiry('FINNIFTY', '2025-01')).toBe('2025-01-30');
  });

  it('lists only monthly expiries for stocks', () => {
    expect(cal.weeklyExpiries('STOCK', '2025-07-01', '2025-10-31')).toEqual(['2025-07-31', '2025-08-28', '2025-09-30', '2025-10-28']);
  });

  it('has no FINNIFTY contract before 2021', () => {
    expect(codeOf(() => cal.monthlyExpiry('FINNIFTY', '2020-05'))).toBe('NO_EXPIRY_AVAILABLE');
    expect(cal.weeklyExpiries('FINNIFTY', '2020-05-01', '2020-05-31')).toEqual([]);
  });
});

describe('expiry input checks', () => {
  it.each([
    ['an unknown underlying', () => cal.monthlyExpiry('NIFTY50', '2026-03'), 'INVALID_ARGUMENT'],
    ['an unknown underlying in a range', () => cal.weeklyExpiries('SENSEX', '2026-03-01', '2026-03-31'), 'INVALID_ARGUMENT'],
    ['a month that is not YYYY-MM', () => cal.monthlyExpiry('NIFTY', '2026-3'), 'INVALID_DATE'],
    ['month 13', () => cal.monthlyExpiry('NIFTY', '2026-13'), 'INVALID_DATE'],
    ['an invalid date', () => cal.weeklyExpiries('NIFTY', '2026-02-30', '2026-03-31'), 'INVALID_DATE'],
    ['from after to', () => cal.weeklyExpiries('NIFTY', '2026-04-01', '2026-03-01'), 'INVALID_ARGUMENT'],
  ])('rejects %s', (_label, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('rejects an expiry rule on a weekend day', () => {
    const bad = () => createNseCalendar({ holidays: [], expiryRules: { X: [{ effectiveFrom: '2020-01-01', weekday: 6 as 5, weekly: true }] } });
    expect(codeOf(bad)).toBe('INVALID_ARGUMENT');
  });

  it('uses custom rules when given, without a coverage limit', () => {
    const custom = createNseCalendar({ holidays: ['2030-01-04'], expiryRules: { X: [{ effectiveFrom: '2030-01-01', weekday: 5, weekly: true }] } });
    expect(custom.weeklyExpiries('X', '2030-01-01', '2030-01-14')).toEqual(['2030-01-03', '2030-01-11']);
    expect(custom.monthlyExpiry('X', '2030-01')).toBe('2030-01-25');
  });
});
