import { Inject, Injectable } from '@nestjs/common';
import type { AlertResponse } from '@mcube/contracts';
import { calendarHorizonStatus, istDateTimeOf, type CalendarHorizonStatus, type Clock, type NseCalendar } from '@mcube/domain';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import { AlertsService } from '../../alerts/alerts.service';
import { NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** How to move the horizon, for the alert text. */
const HOW_TO = 'Enter them in Settings → Calendar, with PUT /api/calendar/years/{year} or by importing NSE\'s holiday CSV (POST /api/calendar/import).';

/**
 * The `risk.calendar-horizon` job (once a trading day, at the open or on a late start): from
 * 30 days before the NSE calendar's horizon, and on every day past it, one WARNING alert a day
 * (dedup key per IST date) until the next year's holidays are entered. Past the horizon the
 * gateway refuses new entries (CALENDAR_UNCONFIRMED); monitoring and exits keep running.
 */
@Injectable()
export class CalendarHorizonWatchService {
  constructor(
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    private readonly alerts: AlertsService,
  ) {}

  /** The status now, and the alert raised (null when none is due or today's exists already); the `risk.calendar-horizon` job. */
  @HandlesJob('risk.calendar-horizon')
  async check(): Promise<{ status: CalendarHorizonStatus; alert: AlertResponse | null }> {
    const nowMs = this.clock.nowMs();
    const { date } = istDateTimeOf(nowMs);
    const status = calendarHorizonStatus(this.calendar, date);
    if (!status.warning || !this.calendar.isTradingDay(date)) return { status, alert: null };
    const alert = await this.alerts.raise({
      accountId: null,
      severity: 'WARNING',
      category: 'RISK',
      title: status.daysLeft !== null && status.daysLeft >= 0 ? `NSE holiday calendar ends ${status.horizon}` : `NSE holiday calendar ended ${status.horizon}: no new entries`,
      message: `${status.message} ${HOW_TO.replace('{year}', String(status.nextYear))}`,
      context: { horizon: status.horizon, daysLeft: status.daysLeft, nextYear: status.nextYear, todayConfirmed: status.todayConfirmed },
      dedupKey: `calendar-horizon:${date}`,
      occurredAtMs: nowMs,
    });
    return { status, alert };
  }
}
