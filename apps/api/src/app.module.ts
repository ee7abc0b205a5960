import { DynamicModule, Module } from '@nestjs/common';
import { AppLoggerModule, AppLoggerOptions } from './common/logging/app-logger.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { loadConfig } from './config/load-config';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule, OpsMetricsModule } from './metrics/metrics.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { TelegramBotModule } from './modules/telegram/telegram-bot.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { BacktestsModule } from './modules/backtests/backtests.module';
import { ClockModule } from './modules/core/clock/clock.module';
import { CoreModule } from './modules/core/core.module';
import { EventsModule } from './modules/core/events/events.module';
import { DataModule } from './modules/data/data.module';
import { LlmModule } from './modules/llm/llm.module';
import { OrdersModule } from './modules/orders/orders.module';
import { PositionsModule } from './modules/positions/positions.module';
import { RiskModule } from './modules/risk/risk.module';
import { StrategiesModule } from './modules/strategies/strategies.module';
import { RolesModule } from './roles/roles.module';

/** Wiring that is not configuration (tests route logs into a buffer). */
export interface AppModuleOptions {
  logger?: AppLoggerOptions;
}

/** The composition root: configuration plus the ten domain modules of the plan. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig = loadConfig(), options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        AppLoggerModule.forRoot(options.logger),
        DatabaseModule.forRoot(),
        MetricsModule,
        ClockModule,
        EventsModule,
        JobsModule.forRoot(config),
        RolesModule,
        CoreModule,
        AccountsModule,
        StrategiesModule,
        PositionsModule,
        OrdersModule,
        RiskModule,
        DataModule,
        LlmModule,
        AnalyticsModule,
        AlertsModule,
        TelegramBotModule,
        BacktestsModule,
        OpsMetricsModule,
      ],
    };
  }
}
