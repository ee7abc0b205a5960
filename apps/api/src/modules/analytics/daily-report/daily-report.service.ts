import { Inject, Injectable } from '@nestjs/common';
import type { AlertResponse } from '@mcube/contracts';
import { addDays, epochMsOfIst, istDateTimeOf, type Clock, type IsoDate } from '@mcube/domain';
import { And, DataSource, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { accountsWhere, type AccountFacts } from '../../accounts/account-reads';
import { AlertsService } from '../../alerts/alerts.service';
import { fillsCountBetween } from '../../orders/order-reads';
import { DailyPnlService } from '../daily-pnl/daily-pnl.service';
import { periodPnlOf, periodStarts } from '../daily-pnl/period-pnl';
import { DailyPnl } from '../entities/daily-pnl.entity';
import { DailyReport } from '../entities/daily-report.entity';
import { ANALYTICS_RISK, type AnalyticsRisk } from '../ports/analytics-risk.port';
import { dailyReportMessage } from './daily-report-text';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** What the report of one account did. */
export interface DailyReportOutcome {
  readonly accountId: number;
  readonly tradeDate: IsoDate;
  /** False when a stored report already held these figures (a redelivery). */
  readonly changed: boolean;
  /** The alert raised now; null when the day's report alert already exists. */
  readonly alert: AlertResponse | null;
}

type Figures = Omit<DailyReport, 'id' | 'account' | 'accountId' | 'tradeDate' | 'createdAt' | 'updatedAt' | 'generatedAt'>;
const FIGURES: readonly (keyof Figures)[] = [
  'positionsClosed', 'fillsCount', 'realizedPnlPaise', 'chargesPaise', 'unrealizedPnlPaise', 'netPnlPaise', 'weekNetPnlPaise', 'monthNetPnlPaise',
  'dailyLossLimitPaise', 'weeklyLossLimitPaise', 'weeklyProfitTargetPaise', 'monthlyProfitTargetPaise',
];

/**
 * The end-of-day report of every account for one IST trading day: stored in `daily_reports`
 * and raised as one INFO alert per account and day (dedup key `daily-report:<account>:<date>`).
 * Figures come from the day's `daily_pnl` row (refreshed first when the day is today; a late
 * run for an earlier day uses the row as it stood at that day's last recompute).
 */
@Injectable()
export class DailyReportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly dailyPnl: DailyPnlService,
    @Inject(ANALYTICS_RISK) private readonly risk: AnalyticsRisk,
    private readonly alerts: AlertsService,
  ) {}

  /** Reports `date` for every account, in id order. */
  async run(date: IsoDate): Promise<DailyReportOutcome[]> {
    const accounts = await accountsWhere(this.dataSource);
    const out: DailyReportOutcome[] = [];
    for (const account of accounts) out.push(await this.report(account, date));
    return out;
  }

  private async report(account: AccountFacts, date: IsoDate): Promise<DailyReportOutcome> {
    const figures = await this.figuresOf(account, date);
    const nowMs = this.clock.nowMs();
    const outcome = await inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOne(DailyReport, { where: { accountId: account.id, tradeDate: date } });
      let changed = true;
      if (!existing) await m.insert(DailyReport, { accountId: account.id, tradeDate: date, ...figures, generatedAt: new Date(nowMs) });
      else if ((changed = FIGURES.some((f) => existing[f] !== figures[f]))) await m.update(DailyReport, existing.id, { ...figures, generatedAt: new Date(nowMs) });
      const alert = await this.alerts.store(m, {
        accountId: account.id,
        severity: 'INFO',
        category: 'REPORT',
        title: `Daily report ${date}: ${account.name}`,
        message: dailyReportMessage(figures),
        context: { tradeDate: date, ...figures },
        dedupKey: `daily-report:${account.id}:${date}`,
        // The console's; Telegram and e-mail get the digest of every account (DailyDigestService).
        delivery: { only: [] },
        occurredAtMs: nowMs,
      });
      return { accountId: account.id, tradeDate: date, changed, alert };
    });
    if (outcome.alert) this.alerts.publish(outcome.alert);
    return outcome;
  }

  private async figuresOf(account: AccountFacts, date: IsoDate): Promise<Figures> {
    const today = istDateTimeOf(this.clock.nowMs()).date;
    const stored = await this.dataSource.getRepository(DailyPnl).findOne({ where: { accountId: account.id, tradeDate: date } });
    const row = date === today || !stored ? (await this.dailyPnl.recompute(account, date)).values : stored;
    const { weekStart, monthStart } = periodStarts(date);
    const from = weekStart < monthStart ? weekStart : monthStart;
    const rows = await this.dataSource.getRepository(DailyPnl).find({ where: { accountId: account.id, tradeDate: And(MoreThanOrEqual(from), LessThanOrEqual(date)) } });
    const periods = periodPnlOf({ date, rows, openPnlPaise: row.unrealizedPnlPaise });
    const fillsCount = await fillsCountBetween(this.dataSource, account.id, new Date(epochMsOfIst(date)), new Date(epochMsOfIst(addDays(date, 1))));
    return {
      positionsClosed: row.tradesCount,
      fillsCount,
      realizedPnlPaise: row.realizedPnlPaise,
      chargesPaise: row.chargesPaise,
      unrealizedPnlPaise: row.unrealizedPnlPaise,
      netPnlPaise: periods.today.netPaise,
      weekNetPnlPaise: periods.week.netPaise,
      monthNetPnlPaise: periods.month.netPaise,
      ...(await this.limitsOf(account.id)),
    };
  }

  private async limitsOf(accountId: number): Promise<Pick<Figures, 'dailyLossLimitPaise' | 'weeklyLossLimitPaise' | 'weeklyProfitTargetPaise' | 'monthlyProfitTargetPaise'>> {
    const l = (await this.risk.limitsOf([accountId])).get(accountId);
    if (!l) return { dailyLossLimitPaise: null, weeklyLossLimitPaise: null, weeklyProfitTargetPaise: null, monthlyProfitTargetPaise: null };
    return { dailyLossLimitPaise: l.dailyLossLimitPaise, weeklyLossLimitPaise: l.weeklyLossLimitPaise, weeklyProfitTargetPaise: l.weeklyProfitTargetPaise, monthlyProfitTargetPaise: l.monthlyProfitTargetPaise };
  }
}
