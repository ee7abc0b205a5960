import { createDefaultNseCalendar, delegatingNseCalendar, epochMsOfIst, FixedClock, istDateTimeOf } from '@mcube/domain';
import { AcceleratedClock } from './accelerated-clock';
import { SessionClock } from './session-clock';

const calendar = createDefaultNseCalendar();

describe('clock drivers', () => {
  it('runs an accelerated clock at a fixed multiple of the base clock', () => {
    const base = new FixedClock(1_000);
    const clock = new AcceleratedClock(base, epochMsOfIst('2026-03-02', '09:15'), 60);
    base.advance(1_000);
    expect(clock.nowMs()).toBe(epochMsOfIst('2026-03-02', '09:16'));
    expect(() => new AcceleratedClock(base, 0, 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('passes one trading day in a minute and skips the night, the weekend and a holiday', () => {
    const base = new FixedClock(0);
    // Friday 2026-03-27 09:15; Mon 2026-03-30 trades, 2026-03-31 is a holiday.
    const clock = SessionClock.tradingDayIn(60, base, calendar, epochMsOfIst('2026-03-27', '09:15'));
    base.advance(30_000);
    expect(istDateTimeOf(clock.nowMs())).toEqual({ date: '2026-03-27', time: '12:22:30' });
    base.advance(31_000);
    expect(istDateTimeOf(clock.nowMs())).toEqual({ date: '2026-03-30', time: '09:21:15' });
    base.advance(60_000);
    expect(istDateTimeOf(clock.nowMs()).date).toBe('2026-04-01');
  });

  it('never goes backwards between readings', () => {
    const base = new FixedClock(0);
    const clock = SessionClock.tradingDayIn(10, base, calendar, epochMsOfIst('2026-03-02', '12:00'));
    let last = clock.nowMs();
    for (let i = 0; i < 200; i++) {
      base.advance(137);
      const now = clock.nowMs();
      expect(now).toBeGreaterThanOrEqual(last);
      const { date, time } = istDateTimeOf(now);
      expect(calendar.isWithinSession(date, time)).toBe(true);
      last = now;
    }
  });

  it('moves on, never back, when the day it is spending becomes a holiday', () => {
    let current = calendar;
    const live = delegatingNseCalendar(() => current);
    const base = new FixedClock(0);
    const clock = SessionClock.tradingDayIn(60, base, live, epochMsOfIst('2026-03-02', '09:15'));
    base.advance(30_000);
    const before = clock.nowMs();
    expect(istDateTimeOf(before).date).toBe('2026-03-02');
    current = createDefaultNseCalendar({ overrides: [{ date: '2026-03-02', kind: 'HOLIDAY', name: 'Entered at short notice' }] });
    base.advance(1_000);
    const after = clock.nowMs();
    expect(after).toBeGreaterThan(before);
    expect(istDateTimeOf(after).date).toBe('2026-03-04'); // 2026-03-03 is Holi
  });
});
