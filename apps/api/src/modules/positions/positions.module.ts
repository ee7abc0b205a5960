import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { DataModule } from '../data/data.module';
import { OrdersModule } from '../orders/orders.module';
import { CoreModule } from '../core/core.module';
import { RiskModule } from '../risk/risk.module';
import { ExitAllAndHaltController } from './exit-all/exit-all-and-halt.controller';
import { ExitAllAndHaltService } from './exit-all/exit-all-and-halt.service';
import { CircuitBreakerTripService } from '../risk/breaker/circuit-breaker-trip.service';
import { ExitChaserService } from './exit-chaser.service';
import { ManualExitService } from './manual-exit.service';
import { PositionDetailService } from './position-detail.service';
import { PositionMonitorService } from './position-monitor.service';
import { PositionsController } from './positions.controller';

/**
 * The positions domain of mCube: reads, manual exits through the order gateway, exit all and
 * halt, marking. It also PROVIDES the circuit breaker, whose code lives in the risk module
 * (`risk/breaker/`): the breaker closes positions through `ManualExitService`, and the risk
 * module cannot import this one without making the pair mutual (issue 13: an exit port would
 * let the risk module provide it).
 */
@Module({
  imports: [OrdersModule, DataModule, AlertsModule, RiskModule, CoreModule],
  controllers: [PositionsController, ExitAllAndHaltController],
  // Trading code reads the market's clock (the accelerated demo and the replay trade in market time).
  providers: [ManualExitService, CircuitBreakerTripService, PositionMonitorService, PositionDetailService, ExitChaserService, ExitAllAndHaltService],
  exports: [CircuitBreakerTripService, PositionMonitorService, ExitChaserService, ExitAllAndHaltService],
})
export class PositionsModule {}
