import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AlertsModule } from '../alerts/alerts.module';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { OrdersModule } from '../orders/orders.module';
import { LlmModule } from '../llm/llm.module';
import { PositionsModule } from '../positions/positions.module';
import { STRATEGY_SETTINGS } from '../positions/ports/position-strategies.port';
import { StrategySettingsQuery } from './parameters/strategy-settings.query';
import { ApprovalEvents } from './approvals/approval-events';
import { ApprovalsController } from './approvals/approvals.controller';
import { ApprovalsService } from './approvals/approvals.service';
import { ClosedTradeKnowledgeService } from './icici/closed-trade-knowledge.service';
import { FuturesPositionViewService } from './icici/futures-position-view.service';
import { IciciFuturesController } from './icici/icici-futures.controller';
import { ICICI_PRODUCTION_RUNTIME, ICICI_RUNTIME_SETTINGS, IciciFuturesRunner } from './icici/icici-futures.runner';
import { IciciJobHandlers } from './icici/icici-job-handlers';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { DecisionJournalEntry } from './entities/decision-journal-entry.entity';
import { StrategyConfig } from './entities/strategy-config.entity';
import { StrategyConfigHistoryService } from './parameters/strategy-config-history.service';
import { StrategyParametersController } from './parameters/strategy-parameters.controller';
import { StrategyParametersService } from './parameters/strategy-parameters.service';
import { KotakStrangleController } from './runtime/kotak-strangle.controller';
import { KotakStrangleRunner } from './runtime/kotak-strangle.runner';
import { StrategyJobHandlers } from './runtime/strategy-job-handlers';
import { StrategyOrderUpdates } from './runtime/strategy-order-updates';
import { STRANGLE_RUNTIME_SETTINGS } from './runtime/strategy-runtime.tokens';
import { strangleRuntimeSettingsFor } from './runtime/strangle-runtime-settings';

/** The strategies domain of mCube (see apps/api/ARCHITECTURE.md for what each module declares and writes): parameters, the decision journal, the running Kotak strangle and ICICI futures strategies on the job schedule, and the human approval queue of ICICI orders. */
@Module({
  imports: [TypeOrmModule.forFeature([StrategyConfig, DecisionJournalEntry]), CoreModule, DataModule, OrdersModule, PositionsModule, AlertsModule, LlmModule],
  controllers: [StrategyParametersController, DecisionsController, KotakStrangleController, IciciFuturesController, ApprovalsController],
  providers: [
    StrategyParametersService,
    StrategyConfigHistoryService,
    DecisionsService,
    { provide: STRANGLE_RUNTIME_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => strangleRuntimeSettingsFor(config.marketData.speed) },
    KotakStrangleRunner,
    StrategyJobHandlers,
    StrategyOrderUpdates,
    ApprovalEvents,
    { provide: ICICI_RUNTIME_SETTINGS, useValue: ICICI_PRODUCTION_RUNTIME },
    IciciFuturesRunner,
    ApprovalsService,
    IciciJobHandlers,
    FuturesPositionViewService,
    ClosedTradeKnowledgeService,
    StrategySettingsQuery,
    { provide: STRATEGY_SETTINGS, useExisting: StrategySettingsQuery },
  ],
  exports: [StrategyParametersService, KotakStrangleRunner, IciciFuturesRunner, ApprovalsService],
})
export class StrategiesModule {}
