import { Inject, Injectable } from '@nestjs/common';
import { istDateTimeOf, type Clock } from '@mcube/domain';
import { HandlesJob } from '../../../jobs/handles-job.decorator';
import type { SlotPayload } from '../../../jobs/job-registry';
import { AccountSummaryService } from '../account-summary/account-summary.service';
import { DailyPnlService } from '../daily-pnl/daily-pnl.service';
import { DailyDigestService } from '../daily-report/daily-digest.service';
import { DailyReportService } from '../daily-report/daily-report.service';
import { LearningUpdateService } from '../learning/learning-update.service';
import { PatternLearningService } from '../learning/pattern-learning.service';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { yieldToEventLoop } from '../../../common/concurrency/yield-to-event-loop';

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
export class AnalyticsJobHandlers {
  constructor(
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly dailyPnl: DailyPnlService,
    private readonly summaries: AccountSummaryService,
    private readonly reports: DailyReportService,
    private readonly learning: LearningUpdateService,
    private readonly digest: DailyDigestService,
    private readonly patterns: PatternLearningService,
  ) {}

  /** The `analytics.daily-report` job: the report of the slot's trading day. */
  @HandlesJob('analytics.daily-report')
  async onDailyReportJob({ slot }: SlotPayload): Promise<void> {
    await this.dailyReport(slot.slice(0, 10));
  }

  /** The `analytics.daily-report` run: the stored reports, then the digest out by Telegram and e-mail (once per day). */
  async dailyReport(date: string): Promise<void> {
    await this.reports.run(date);
    await this.digest.send(date);
  }

  /** The `analytics.learning-update` run. */
  @HandlesJob('analytics.learning-update')
  async learningUpdate(): Promise<void> {
    await this.learning.run();
    await this.patterns.run(this.clock.nowMs());
  }

  /** The `positions.pnl` run. */
  @HandlesJob('positions.pnl')
  async refreshPnl(): Promise<void> {
    await this.dailyPnl.recomputeAll(istDateTimeOf(this.clock.nowMs()).date);
    await yieldToEventLoop();
    await this.summaries.publishAll();
  }
}
