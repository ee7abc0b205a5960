import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { DataModule } from '../data/data.module';
import { OrdersModule } from '../orders/orders.module';
import { CoreModule } from '../core/core.module';
import { RiskModule } from '../risk/risk.module';
import { ExitAllAndHaltController } from './exit-all/exit-all-and-halt.controller';
import { ExitAllAndHaltService } from './exit-all/exit-all-and-halt.service';
import { POSITION_EXITS } from '../risk/breaker/breaker-exits.port';
import { ExitChaserService } from './exit-chaser.service';
import { ManualExitService } from './manual-exit.service';
import { PositionDetailService } from './position-detail.service';
import { PositionMonitorService } from './position-monitor.service';
import { PositionsController } from './positions.controller';

/**
 * The positions domain of mCube: reads, manual exits through the order gateway, exit all and
 * halt, marking. `ManualExitService` is also the risk module's `BreakerExits` port
 * (`POSITION_EXITS`): the circuit breaker, provided by the risk module, closes positions with it.
 */
@Module({
  imports: [OrdersModule, DataModule, AlertsModule, RiskModule, CoreModule],
  controllers: [PositionsController, ExitAllAndHaltController],
  providers: [ManualExitService, { provide: POSITION_EXITS, useExisting: ManualExitService }, PositionMonitorService, PositionDetailService, ExitChaserService, ExitAllAndHaltService],
  exports: [PositionMonitorService, ExitChaserService, ExitAllAndHaltService],
})
export class PositionsModule {}
