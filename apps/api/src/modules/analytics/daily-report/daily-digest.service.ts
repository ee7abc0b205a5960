import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { addDays, istDateTimeOf, type Clock, type IsoDate, type NseCalendar, type OutgoingAlert } from '@mcube/domain';
import { And, DataSource, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { NSE_CALENDAR } from '../../data/source/market-data.tokens';
import { accountsWhere } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { AlertContentRegistry } from '../../alerts/delivery/alert-content.registry';
import { EconomicEventsService } from '../../data/events/economic-events.service';
import { closedPositions } from '../../positions/position-reads';
import { DailyPnl } from '../entities/daily-pnl.entity';
import { DailyReport } from '../entities/daily-report.entity';
import { digestLines, type DigestInput } from './daily-digest-text';
import { renderPnlChartPng } from './pnl-chart';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** Trading days the chart covers (about a month). */
const CHART_DAYS = 22;

/**
 * The end-of-day digest that leaves the box (Telegram and e-mail, 16:00 IST after the stored
 * reports): P&L by account and strategy, the day's closed trades with exit reasons, risk
 * usage vs limits, targets progress, tomorrow's expiry and events, and a P&L chart as PNG.
 * Registered as the `daily-report` content, so the delivery job rebuilds it from stored data.
 */
@Injectable()
export class DailyDigestService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(NSE_CALENDAR) private readonly calendar: NseCalendar,
    private readonly alerts: AlertsService,
    private readonly contents: AlertContentRegistry,
    /** The data module's economic events (it owns the table). */
    private readonly economicEvents: EconomicEventsService,
  ) {}

  onModuleInit(): void {
    this.contents.register('daily-report', (alert) => this.compose(String(alert.context?.['tradeDate'] ?? '')));
  }

  /** Raises the digest of `date` for Telegram and e-mail (once a day: `daily-report` cooldown; `force` sends again). */
  async send(date: IsoDate, force = false): Promise<number | null> {
    const alert = await this.alerts.raise({
      accountId: null,
      severity: 'INFO',
      category: 'REPORT',
      title: `Daily report ${date}`,
      message: `The end-of-day report of ${date} (Telegram and e-mail carry the figures and the chart).`,
      context: { tradeDate: date },
      dedupKey: force ? null : `daily-report:digest:${date}`,
      delivery: { only: ['TELEGRAM', 'EMAIL'], content: 'daily-report' },
      occurredAtMs: this.clock.nowMs(),
    });
    return alert?.id ?? null;
  }

  /** The digest of the latest stored report date, or null when there is none (/report). */
  async latestReport(): Promise<OutgoingAlert | null> {
    const latest = await this.dataSource.getRepository(DailyReport).findOne({ where: {}, order: { tradeDate: 'DESC' } });
    return latest ? this.compose(latest.tradeDate) : null;
  }

  /** The digest of `date` from the stored reports. */
  async compose(date: IsoDate): Promise<OutgoingAlert> {
    const input = await this.inputOf(date);
    const { html, text } = digestLines(input);
    const png = renderPnlChartPng({ title: `Net P&L to ${date}`, dates: input.chart.dates, series: input.chart.series });
    return { severity: 'INFO', title: `Daily report ${date}`, html, text, attachments: [{ filename: `pnl-${date}.png`, contentType: 'image/png', content: png }] };
  }

  private async inputOf(date: IsoDate): Promise<DigestInput> {
    const accounts = await accountsWhere(this.dataSource);
    const reports = await this.dataSource.getRepository(DailyReport).find({ where: { tradeDate: date } });
    const closed = (await closedPositions(this.dataSource)).filter((p) => p.closedAt && this.dateOf(p.closedAt) === date);
    const tomorrow = this.nextTradingDay(date);
    const events = tomorrow ? await this.economicEvents.list({ from: tomorrow, to: tomorrow }) : [];
    const from = addDays(date, -40);
    const pnlRows = await this.dataSource.getRepository(DailyPnl).find({ where: { tradeDate: And(MoreThanOrEqual(from), LessThanOrEqual(date)) }, order: { tradeDate: 'ASC' } });
    const dates = [...new Set(pnlRows.map((r) => r.tradeDate))].sort().slice(-CHART_DAYS);
    return {
      date,
      accounts: accounts.map((a) => ({ name: a.name, report: reports.find((r) => r.accountId === a.id) ?? null })),
      trades: closed.map((p) => ({ accountName: accounts.find((a) => a.id === p.accountId)?.name ?? `#${p.accountId}`, strategy: p.strategyType, underlying: p.underlying, pnlPaise: p.realizedPnlPaise, exitReason: p.exitReason })),
      tomorrow,
      tomorrowExpiries: tomorrow ? this.expiriesOn(tomorrow) : [],
      events: events.map((e) => ({ title: e.title, importance: e.importance, time: e.eventTime })),
      chart: { dates, series: accounts.map((a) => ({ name: a.name, dailyNetPaise: dates.map((d) => netOf(pnlRows.find((r) => r.accountId === a.id && r.tradeDate === d))) })) },
    };
  }

  private dateOf(at: Date): IsoDate {
    return istDateTimeOf(at.getTime()).date;
  }

  /** Data with a horizon never stops the report: past the calendar it says "unknown". */
  private nextTradingDay(date: IsoDate): IsoDate | null {
    try {
      return this.calendar.nextTradingDay(date);
    } catch {
      return null;
    }
  }

  private expiriesOn(day: IsoDate): string[] {
    const out: string[] = [];
    for (const u of ['NIFTY']) {
      try {
        if (this.calendar.weeklyExpiries(u, day, day).includes(day)) out.push(`${u} weekly`);
      } catch {
        out.push(`${u}: calendar unknown`);
      }
    }
    return out;
  }
}

function netOf(row: DailyPnl | undefined): number {
  return row ? row.netPnlPaise : 0;
}
