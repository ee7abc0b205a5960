import { assertFinite, assertPositive, istDateTimeOf, type Clock, type IsoDate, type NseCalendar } from '@mcube/domain';
import { sessionMsOf } from '../calendar/calendar-helpers';

/**
 * A demo clock that runs only through trading sessions: real time elapsed on `base`, times
 * `speed`, is spent inside the calendar's sessions in order, jumping over nights, weekends and
 * holidays. At `speed` 375 one 6¼-hour NSE day passes in a minute. Never decreases while `base`
 * does not. Throws INVALID_ARGUMENT on a bad start or speed, and what the calendar throws.
 */
export class SessionClock implements Clock {
  private readonly baseStart: number;
  /** The session being spent, and the trading time spent before it. */
  private day: IsoDate;
  private spentBefore = 0;

  constructor(
    private readonly base: Clock,
    private readonly calendar: NseCalendar,
    private readonly startMs: number,
    private readonly speed: number,
  ) {
    assertFinite('startMs', startMs);
    assertPositive('speed', speed);
    this.baseStart = base.nowMs();
    const { date } = istDateTimeOf(startMs);
    this.day = calendar.isTradingDay(date) && startMs < sessionMsOf(calendar, date).closeMs ? date : calendar.nextTradingDay(date);
  }

  /** One trading day in about `seconds` real seconds (375 minutes of session per minute at 60). */
  static tradingDayIn(seconds: number, base: Clock, calendar: NseCalendar, startMs: number): SessionClock {
    assertPositive('seconds', seconds);
    return new SessionClock(base, calendar, startMs, (375 * 60) / seconds);
  }

  nowMs(): number {
    const spent = Math.max(0, this.base.nowMs() - this.baseStart) * this.speed;
    for (;;) {
      // The calendar can change under a running clock (a holiday entered for the day being
      // spent): such a day is skipped, so the clock moves on to the next session, never back.
      if (!this.calendar.isTradingDay(this.day) || !this.calendar.sessionFor(this.day)) {
        this.day = this.calendar.nextTradingDay(this.day);
        continue;
      }
      const s = sessionMsOf(this.calendar, this.day);
      const from = Math.max(s.openMs, this.startMs);
      const length = s.closeMs - from;
      if (spent - this.spentBefore < length) return from + (spent - this.spentBefore);
      this.spentBefore += length;
      this.day = this.calendar.nextTradingDay(this.day);
    }
  }
}
