import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import { JobHandlersRegistry } from '../../../jobs/job-handlers.registry';
import { AccountSummaryService } from '../../accounts/summary/account-summary.service';
import { DailyPnlService } from '../daily-pnl/daily-pnl.service';
import { DailyDigestService } from '../daily-report/daily-digest.service';
import { DailyReportService } from '../daily-report/daily-report.service';
import { LearningUpdateService } from '../learning/learning-update.service';
import { PatternLearningService } from '../learning/pattern-learning.service';
import { MARKET_CLOCK } from '../../core/clock/clock.token';

/** The owner name in the job registry's error messages. */
export const ANALYTICS_JOBS_OWNER = 'AnalyticsModule';

/**
 * The analytics jobs of the registry, all idempotent (recomputed from the stored positions):
 * - `positions.pnl` (every 10 s in session): today's daily P&L row of every account, then
 *   `account.summary` pushed for each. Today is the market clock's IST date (the clock that
 *   stamps positions' `closedAt`).
 * - `analytics.daily-report` (16:00 IST, or the next morning if missed): the report of the
 *   slot's trading day, then its digest (with the chart) by Telegram and e-mail.
 * - `analytics.learning-update` (16:30 IST): strategy statistics of closed positions, then the
 *   learning loop (pattern records and statistics, suggestions, the week's insight).
 */
@Injectable()
export class AnalyticsJobHandlers implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlersRegistry,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly dailyPnl: DailyPnlService,
    private readonly summaries: AccountSummaryService,
    private readonly reports: DailyReportService,
    private readonly learning: LearningUpdateService,
    private readonly digest: DailyDigestService,
    private readonly patterns: PatternLearningService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('positions.pnl', () => this.refreshPnl(), ANALYTICS_JOBS_OWNER);
    this.handlers.register('analytics.daily-report', ({ slot }) => this.dailyReport(slot.slice(0, 10)), ANALYTICS_JOBS_OWNER);
    this.handlers.register('analytics.learning-update', () => this.learningUpdate(), ANALYTICS_JOBS_OWNER);
  }

  /** The `analytics.daily-report` run: the stored reports, then the digest out by Telegram and e-mail (once per day). */
  async dailyReport(date: string): Promise<void> {
    await this.reports.run(date);
    await this.digest.send(date);
  }

  /** The `analytics.learning-update` run. */
  async learningUpdate(): Promise<void> {
    await this.learning.run();
    await this.patterns.run(this.clock.nowMs());
  }

  /** The `positions.pnl` run. */
  async refreshPnl(): Promise<void> {
    await this.dailyPnl.recomputeAll(istDateTimeOf(this.clock.nowMs()).date);
    await this.summaries.publishAll();
  }
}
