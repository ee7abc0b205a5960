import { compareDates } from '../time/ist-date';
import { monthlyExpiriesBetween, weeklyExpiriesAhead } from './listed-expiry-dates';
import { createDefaultNseCalendar } from './nse-calendar';

const cal = createDefaultNseCalendar();

describe('listed expiry dates (moved from the simulator for the API and the backtest)', () => {
  it('lists the monthly expiries inside a range, each the calendar month expiry, in order', () => {
    const months = monthlyExpiriesBetween(cal, 'NIFTY', '2026-02-01', '2026-05-31');
    expect(months).toEqual(['2026-02', '2026-03', '2026-04', '2026-05'].map((m) => cal.monthlyExpiry('NIFTY', m)));
    // March 2026's falls on Monday 30th: Tuesday 31st is a holiday
    expect(months).toContain('2026-03-30');
  });

  it('leaves out a monthly expiry before the range start', () => {
    const march = cal.monthlyExpiry('NIFTY', '2026-03');
    const months = monthlyExpiriesBetween(cal, 'NIFTY', '2026-03-31', '2026-04-30');
    expect(months).not.toContain(march);
    expect(months).toEqual([cal.monthlyExpiry('NIFTY', '2026-04')]);
  });

  it('lists the weekly-cycle expiries over the next days, ascending, from the calendar', () => {
    const weeks = weeklyExpiriesAhead(cal, 'NIFTY', '2026-03-20', 21);
    expect(weeks).toEqual(cal.weeklyExpiries('NIFTY', '2026-03-20', '2026-04-10'));
    expect(weeks.length).toBeGreaterThanOrEqual(2);
    expect([...weeks].sort(compareDates)).toEqual(weeks);
    expect(weeks).toContain('2026-03-30');
  });
});
