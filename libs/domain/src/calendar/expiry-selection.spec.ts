import { DomainError } from '../errors/domain-error';
import { selectFuturesExpiry, selectOptionExpiry } from './expiry-selection';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

const WEEKLIES = ['2026-03-10', '2026-03-17', '2026-03-24', '2026-03-30'];
const MONTHLIES = ['2026-03-30', '2026-04-28', '2026-05-26'];

describe('selectOptionExpiry', () => {
  it('skips the expiry on its own expiry day (0 days left) and takes the next one', () => {
    const s = selectOptionExpiry({ today: '2026-03-17', expiries: WEEKLIES });
    expect(s).toMatchObject({ expiry: '2026-03-24', daysToExpiry: 7, skipped: true });
    expect(s.reason).toContain('2026-03-17');
  });

  it('keeps the nearest expiry the day before it (1 day left)', () => {
    const s = selectOptionExpiry({ today: '2026-03-16', expiries: WEEKLIES });
    expect(s).toMatchObject({ expiry: '2026-03-17', daysToExpiry: 1, skipped: false });
  });

  it('counts calendar days, weekends included', () => {
    expect(selectOptionExpiry({ today: '2026-03-13', expiries: WEEKLIES })).toMatchObject({ expiry: '2026-03-17', daysToExpiry: 4 });
  });

  it('accepts the expiry list in any order and ignores past expiries', () => {
    const s = selectOptionExpiry({ today: '2026-03-18', expiries: [...WEEKLIES].reverse() });
    expect(s).toMatchObject({ expiry: '2026-03-24', daysToExpiry: 6, skipped: false });
  });

  it('skips every expiry closer than a larger minimum', () => {
    const s = selectOptionExpiry({ today: '2026-03-09', expiries: WEEKLIES, minDaysToExpiry: 9 });
    expect(s).toMatchObject({ expiry: '2026-03-24', daysToExpiry: 15, skipped: true });
  });

  it('takes the nearest expiry even on expiry day when the minimum is 0', () => {
    expect(selectOptionExpiry({ today: '2026-03-17', expiries: WEEKLIES, minDaysToExpiry: 0 })).toMatchObject({ expiry: '2026-03-17', skipped: false });
  });

  it('throws NO_EXPIRY_AVAILABLE when the only expiry left is today', () => {
    expect(codeOf(() => selectOptionExpiry({ today: '2026-03-30', expiries: WEEKLIES }))).toBe('NO_EXPIRY_AVAILABLE');
  });

  it('throws NO_EXPIRY_AVAILABLE when every expiry is past', () => {
    expect(codeOf(() => selectOptionExpiry({ today: '2026-04-01', expiries: WEEKLIES }))).toBe('NO_EXPIRY_AVAILABLE');
    expect(codeOf(() => selectOptionExpiry({ today: '2026-04-01', expiries: [] }))).toBe('NO_EXPIRY_AVAILABLE');
  });

  it.each([
    ['a bad today', { today: '2026-02-30', expiries: WEEKLIES }, 'INVALID_DATE'],
    ['a bad expiry', { today: '2026-03-01', expiries: ['2026-3-10'] }, 'INVALID_DATE'],
    ['a negative minimum', { today: '2026-03-01', expiries: WEEKLIES, minDaysToExpiry: -1 }, 'INVALID_ARGUMENT'],
    ['a fractional minimum', { today: '2026-03-01', expiries: WEEKLIES, minDaysToExpiry: 1.5 }, 'INVALID_ARGUMENT'],
    ['a NaN minimum', { today: '2026-03-01', expiries: WEEKLIES, minDaysToExpiry: NaN }, 'INVALID_ARGUMENT'],
    ['expiries that are not a list', { today: '2026-03-01', expiries: '2026-03-10' as never }, 'INVALID_ARGUMENT'],
  ])('rejects %s', (_label, input, code) => {
    expect(codeOf(() => selectOptionExpiry(input))).toBe(code);
  });
});

describe('selectFuturesExpiry', () => {
  it('keeps the near month with 15 days or more to go', () => {
    expect(selectFuturesExpiry({ today: '2026-03-15', expiries: MONTHLIES })).toMatchObject({ expiry: '2026-03-30', daysToExpiry: 15, skipped: false });
  });

  it('rolls to the next month with 14 days left', () => {
    const s = selectFuturesExpiry({ today: '2026-03-16', expiries: MONTHLIES });
    expect(s).toMatchObject({ expiry: '2026-04-28', daysToExpiry: 43, skipped: true });
    expect(s.reason).toContain('2026-03-30');
  });

  it('throws NO_EXPIRY_AVAILABLE when no listed month is far enough away', () => {
    expect(codeOf(() => selectFuturesExpiry({ today: '2026-05-20', expiries: MONTHLIES }))).toBe('NO_EXPIRY_AVAILABLE');
  });
});
