import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { OrdersModule } from '../orders/orders.module';
import { CircuitBreakerTripService } from './circuit-breaker-trip.service';
import { ManualExitService } from './manual-exit.service';
import { PositionMonitorService } from './position-monitor.service';
import { PositionsController } from './positions.controller';

/** The positions domain of mCube: reads, manual exits through the order gateway, marking and the circuit breaker. */
@Module({
  imports: [OrdersModule, DataModule],
  controllers: [PositionsController],
  providers: [ManualExitService, CircuitBreakerTripService, PositionMonitorService],
  exports: [CircuitBreakerTripService, PositionMonitorService],
})
export class PositionsModule {}
