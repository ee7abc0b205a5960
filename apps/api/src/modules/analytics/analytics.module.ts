import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AlertsModule } from '../alerts/alerts.module';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { LlmModule } from '../llm/llm.module';
import { LANGUAGE_MODEL } from '../llm/llm.tokens';
import { RiskModule } from '../risk/risk.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { DailyPnlService } from './daily-pnl/daily-pnl.service';
import { DailyDigestService } from './daily-report/daily-digest.service';
import { DailyReportController } from './daily-report/daily-report.controller';
import { DailyReportService } from './daily-report/daily-report.service';
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
 * the end-of-day report, the analytics report of closed trades, and the learning loop
 * (pattern records, statistics, suggestions, weekly insight), each run by a job of the registry.
 * Its services read `MARKET_CLOCK`, as the orders module that stamps positions' `closedAt` does:
 * "today" is the market's IST day (the accelerated demo, the replay). `INSIGHT_LLM` is the LLM
 * validator's model when one is configured (MCUBE_LLM=ollama), else null: the weekly insight is
 * then the rules summary (as it is when the model fails), labelled RULES.
 */
@Module({
  imports: [AccountsModule, AlertsModule, RiskModule, DataModule, CoreModule, StrategiesModule, LlmModule],
  controllers: [DailyReportController, AnalyticsController, LearningController],
  providers: [
    { provide: INSIGHT_LLM, useExisting: LANGUAGE_MODEL },
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
  exports: [DailyPnlService, DailyDigestService],
})
export class AnalyticsModule {}
