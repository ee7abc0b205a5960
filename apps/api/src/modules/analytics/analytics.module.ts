import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AlertsModule } from '../alerts/alerts.module';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { LlmModule } from '../llm/llm.module';
import { LANGUAGE_MODEL } from '../llm/llm.tokens';
import { OrdersModule } from '../orders/orders.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { AccountSummaryController } from './account-summary/account-summary.controller';
import { AccountSummaryService } from './account-summary/account-summary.service';
import { DailyPnlService } from './daily-pnl/daily-pnl.service';
import { DailyDigestService } from './daily-report/daily-digest.service';
import { DailyReportController } from './daily-report/daily-report.controller';
import { DailyReportService } from './daily-report/daily-report.service';
import { analyticsRiskProvider } from './ports/analytics-risk.port';
import { DAILY_PNL_HISTORY, DailyPnlHistoryQuery } from './daily-pnl/daily-pnl-history';
import { AnalyticsJobHandlers } from './jobs/analytics-job-handlers';
import { LearningController } from './learning/learning.controller';
import { LearningSettingsService } from './learning/learning-settings.service';
import { LearningSuggestionsService } from './learning/learning-suggestions.service';
import { LearningUpdateService } from './learning/learning-update.service';
import { PatternLearningService } from './learning/pattern-learning.service';
import { PatternRecordsService } from './learning/pattern-records.service';
import { INSIGHT_LLM, WeeklyInsightService } from './learning/weekly-insight.service';
import { AnalyticsController } from './report/analytics.controller';
import { AnalyticsReportService } from './report/analytics-report.service';
import { ClosedTradesService } from './trades/closed-trades.service';

/**
 * The analytics domain of mCube: the daily P&L rows the risk checks and the dashboard read,
 * the dashboard's account summaries (GET /api/accounts/summary, `account.summary`), the
 * end-of-day report, the analytics report of closed trades, and the learning loop (pattern
 * records, statistics, suggestions, weekly insight), each run by a job of the registry.
 * Its services read `MARKET_CLOCK`, as the orders module that stamps positions' `closedAt` does:
 * "today" is the market's IST day (the accelerated demo, the replay). `INSIGHT_LLM` is the LLM
 * validator's model when one is configured (MCUBE_LLM=ollama), else null: the weekly insight is
 * then the rules summary (as it is when the model fails), labelled RULES.
 * What it shows of risk (limits, the open breaker, the trading state) comes through its own
 * `AnalyticsRisk` port (`ANALYTICS_RISK`), which the risk module provides: analytics imports no risk file.
 */
@Module({
  imports: [AccountsModule, AlertsModule, OrdersModule, DataModule, CoreModule, StrategiesModule, LlmModule],
  controllers: [AccountSummaryController, DailyReportController, AnalyticsController, LearningController],
  providers: [
    { provide: INSIGHT_LLM, useExisting: LANGUAGE_MODEL },
    analyticsRiskProvider,
    DailyPnlHistoryQuery,
    { provide: DAILY_PNL_HISTORY, useExisting: DailyPnlHistoryQuery },
    AccountSummaryService,
    DailyPnlService,
    DailyReportService,
    DailyDigestService,
    LearningUpdateService,
    ClosedTradesService,
    AnalyticsReportService,
    PatternRecordsService,
    LearningSettingsService,
    LearningSuggestionsService,
    WeeklyInsightService,
    PatternLearningService,
    AnalyticsJobHandlers,
  ],
  exports: [AccountSummaryService, DailyPnlService, DailyDigestService],
})
export class AnalyticsModule {}
