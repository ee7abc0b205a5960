import { normalSessionCloseOn } from '../calendar/normal-session-close';
import { expiryCloseMs, yearsToExpiry, yearsToExpiryClose } from './years-to-expiry';

describe('years to expiry', () => {
  it('closes an expiry at 15:30 IST before the longer session and 15:40 from 2026-08-03', () => {
    expect(normalSessionCloseOn('2026-07-28')).toBe('15:30');
    expect(normalSessionCloseOn('2026-08-03')).toBe('15:40');
    expect(expiryCloseMs('2026-07-28')).toBe(Date.UTC(2026, 6, 28, 10, 0));
    expect(expiryCloseMs('2026-08-04')).toBe(Date.UTC(2026, 7, 4, 10, 10));
  });

  it('is one day in years the day before the close, and zero once expired', () => {
    const close = expiryCloseMs('2026-07-28');
    expect(yearsToExpiryClose(close - 86_400_000, '2026-07-28')).toBeCloseTo(1 / 365, 12);
    expect(yearsToExpiryClose(close + 1, '2026-07-28')).toBe(0);
    expect(yearsToExpiryClose(close - 3_600_000, '2026-07-28')).toBe(yearsToExpiry(close - 3_600_000, '2026-07-28', '15:30'));
  });

  it('refuses a date before every session rule', () => {
    expect(() => normalSessionCloseOn('1999-12-31')).toThrow(/no session rule covers 1999-12-31/);
  });
});
