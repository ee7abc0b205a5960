import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AlertsModule } from '../alerts/alerts.module';
import { CLOCK } from '../core/clock/clock.token';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { MARKET_CLOCK } from '../data/source/market-data.tokens';
import { RiskModule } from '../risk/risk.module';
import { DailyPnlService } from './daily-pnl/daily-pnl.service';
import { DailyDigestService } from './daily-report/daily-digest.service';
import { DailyReportController } from './daily-report/daily-report.controller';
import { DailyReportService } from './daily-report/daily-report.service';
import { AnalyticsJobHandlers } from './jobs/analytics-job-handlers';
import { LearningUpdateService } from './learning/learning-update.service';

/**
 * The analytics domain of mCube: the daily P&L rows the risk checks and the dashboard read,
 * the end-of-day report and the strategy statistics, each run by a job of the registry.
 * Its `CLOCK` is the market's, as in the orders module that stamps positions' `closedAt`:
 * "today" is the market's IST day (the accelerated demo, the replay).
 */
@Module({
  imports: [AccountsModule, AlertsModule, RiskModule, DataModule, CoreModule],
  controllers: [DailyReportController],
  providers: [{ provide: CLOCK, useExisting: MARKET_CLOCK }, DailyPnlService, DailyReportService, DailyDigestService, LearningUpdateService, AnalyticsJobHandlers],
  exports: [DailyPnlService, DailyDigestService],
})
export class AnalyticsModule {}
