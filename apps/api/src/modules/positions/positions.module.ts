import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { DataModule } from '../data/data.module';
import { OrdersModule } from '../orders/orders.module';
import { CoreModule } from '../core/core.module';
import { RiskModule } from '../risk/risk.module';
import { ExitAllAndHaltController } from './exit-all/exit-all-and-halt.controller';
import { ExitAllAndHaltService } from './exit-all/exit-all-and-halt.service';
import { POSITION_EXITS } from '../risk/breaker/breaker-exits.port';
import { POSITIONS_FOR_RISK } from '../risk/ports/risk-positions.port';
import { RiskPositionsQuery } from './risk-positions.query';
import { ExitChaserService } from './exit-chaser.service';
import { positionStrategiesProvider } from './ports/position-strategies.port';
import { POSITION_LEDGER } from '../orders/ports/position-ledger.port';
import { PositionLedgerService } from './position-ledger.service';
import { ManualExitService } from './manual-exit.service';
import { PositionDetailService } from './position-detail.service';
import { PositionMonitorService } from './position-monitor.service';
import { PositionsController } from './positions.controller';

/**
 * The positions domain of mCube: reads, manual exits through the order gateway, exit all and
 * halt, marking. `ManualExitService` is also the risk module's `BreakerExits` port
 * (`POSITION_EXITS`): the circuit breaker, provided by the risk module, closes positions with it.
 * The strategy facts it needs (parameters, active or not) come through its own
 * `PositionStrategies` port (`POSITION_STRATEGIES`), which the strategies module provides.
 * `PositionLedgerService` is the orders module's `PositionLedger` port (`POSITION_LEDGER`): the
 * order path's writes and reads of the positions tables, in the order path's transactions.
 */
@Module({
  imports: [OrdersModule, DataModule, AlertsModule, RiskModule, CoreModule],
  controllers: [PositionsController, ExitAllAndHaltController],
  providers: [positionStrategiesProvider, RiskPositionsQuery, { provide: POSITIONS_FOR_RISK, useExisting: RiskPositionsQuery }, ManualExitService, { provide: POSITION_EXITS, useExisting: ManualExitService }, PositionMonitorService, PositionDetailService, ExitChaserService, ExitAllAndHaltService, PositionLedgerService, { provide: POSITION_LEDGER, useExisting: PositionLedgerService }],
  exports: [PositionMonitorService, ExitChaserService, ExitAllAndHaltService],
})
export class PositionsModule {}
