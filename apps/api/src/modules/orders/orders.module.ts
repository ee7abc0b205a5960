import { Module } from '@nestjs/common';
import { DataModule } from '../data/data.module';
import { RiskModule } from '../risk/risk.module';
import { ApplyFillService } from './apply-fill.service';
import { CancelOrderService } from './cancel-order.service';
import { OrdersController } from './orders.controller';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import { OrderSyncScheduler } from './paper/order-sync.scheduler';
import { ReconciliationService } from './reconciliation.service';
import { SettleInFlightService } from './settle-in-flight.service';
import { OrdersService } from './submit-order.service';

/**
 * The orders domain: the one gateway to the brokers. The execution-client registry
 * (`EXECUTION_CLIENTS`) is provided here and NOT exported, so no other module can send
 * an order except through `OrdersService.submit` (risk checks first).
 */
@Module({
  imports: [RiskModule, DataModule],
  controllers: [OrdersController],
  providers: [{ provide: EXECUTION_CLIENTS, useFactory: () => new ExecutionClientRegistry() }, OrdersService, CancelOrderService, ApplyFillService, SettleInFlightService, ReconciliationService, OrderSyncScheduler],
  exports: [OrdersService, CancelOrderService, ApplyFillService, SettleInFlightService, ReconciliationService],
})
export class OrdersModule {}
