import { calendarHorizonStatus } from './calendar-horizon';
import { createDefaultNseCalendar, createNseCalendar } from './nse-calendar';

describe('calendarHorizonStatus', () => {
  const cal = createDefaultNseCalendar();

  it('is quiet until 30 days before the horizon and warns from then on', () => {
    expect(calendarHorizonStatus(cal, '2026-11-30')).toMatchObject({ horizon: '2026-12-31', daysLeft: 31, warning: false, nextYear: 2027, todayConfirmed: true });
    expect(calendarHorizonStatus(cal, '2026-12-01')).toMatchObject({ daysLeft: 30, warning: true });
    const today = calendarHorizonStatus(cal, '2026-12-02');
    expect(today).toMatchObject({ daysLeft: 29, warning: true });
    expect(today.message).toContain("enter NSE's 2027 trading holidays");
  });

  it('keeps warning past the horizon, saying the day is unconfirmed', () => {
    const s = calendarHorizonStatus(cal, '2028-06-05');
    expect(s).toMatchObject({ daysLeft: -522, warning: true, todayConfirmed: false, nextYear: 2027 });
    expect(s.message).toContain('ended on 2026-12-31');
  });

  it('stops once the next year is entered', () => {
    expect(calendarHorizonStatus(createDefaultNseCalendar({ confirmedYears: [2027] }), '2026-12-02')).toMatchObject({ horizon: '2027-12-31', warning: false });
  });

  it('never warns for a calendar without a horizon', () => {
    expect(calendarHorizonStatus(createNseCalendar({ holidays: [] }), '2090-01-01')).toMatchObject({ horizon: null, daysLeft: null, warning: false });
  });
});
