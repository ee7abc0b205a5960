import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { RiskModule } from '../risk/risk.module';
import { AccountMarginService } from './account-margin.service';
import { ApplyFillService } from './apply-fill.service';
import { CancelOrderService } from './cancel-order.service';
import { OrderUpdatesPublisher } from './events/order-updates.publisher';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import { OrderGateService } from './gate/order-gate.service';
import { BrokerConnections } from './live/broker-connections.service';
import { BrokerJobHandlers } from './live/broker-job-handlers';
import { KotakLiveBrokers } from './live/kotak-live-brokers.service';
import { LiveModeController } from './live/live-mode.controller';
import { LiveModeService } from './live/live-mode.service';
import { IciciJobs } from './live/icici/icici-jobs';
import { IciciLiveBrokers } from './live/icici/icici-live-brokers.service';
import { IciciSessionController } from './live/icici/icici-session.controller';
import { IciciSessionService } from './live/icici/icici-session.service';
import { OrderFiguresService } from './order-figures.service';
import { OrdersController } from './orders.controller';
import { OrderSyncFanOut } from './paper/order-sync-fan-out';
import { OrderSyncScheduler } from './paper/order-sync.scheduler';
import { SharedAccountMargins } from './paper/shared-account-margins';
import { DEFAULT_LIVE_MARGIN_REFRESH_MS, LIVE_MARGIN_REFRESH_MS } from './live/live-margin-schedule';
import { ReconciliationService } from './reconciliation.service';
import { SettleInFlightService } from './settle-in-flight.service';
import { OrdersService } from './order-gateway.service';
import { LiveMarketData } from './live/live-market-data.service';
import { orderThrottleProviders } from './throttle/order-throttle.providers';
import { ORDERS_POSITION_LEDGER, positionLedgerProvider } from './ports/position-ledger.port';

/**
 * The orders domain: the one gateway to the brokers. The execution-client registry
 * (`EXECUTION_CLIENTS`) is provided here and NOT exported, so no other module can send
 * an order except through `OrdersService.submit` (risk checks first). Orders are stamped and
 * checked against session hours on `MARKET_CLOCK` (the accelerated demo, the replay); the
 * 5 orders/s throttle runs on `WALL_CLOCK` (in Redis when `REDIS_URL` is set). The positions
 * tables are reached through the `PositionLedger` port (`ORDERS_POSITION_LEDGER`, the positions
 * module's, late-bound); it is exported for `OrderGateGuard` on the positions controller's exits.
 */
@Module({
  imports: [RiskModule, DataModule, CoreModule, AlertsModule],
  controllers: [OrdersController, LiveModeController, IciciSessionController],
  providers: [
    { provide: EXECUTION_CLIENTS, useFactory: () => new ExecutionClientRegistry() },
    ...orderThrottleProviders,
    // The positions tables, through the positions module's ledger (looked up on first use: positions imports orders).
    positionLedgerProvider,
    OrderFiguresService,
    OrdersService,
    CancelOrderService,
    ApplyFillService,
    SettleInFlightService,
    ReconciliationService,
    OrderSyncScheduler,
    OrderSyncFanOut,
    SharedAccountMargins,
    { provide: LIVE_MARGIN_REFRESH_MS, useValue: DEFAULT_LIVE_MARGIN_REFRESH_MS },
    OrderGateService,
    OrderUpdatesPublisher,
    AccountMarginService,
    // Live trading (issue 14): the Kotak adapters, the registry following the stored modes, the guarded switch, the broker jobs.
    KotakLiveBrokers,
    BrokerConnections,
    LiveModeService,
    BrokerJobHandlers,
    // ICICI Breeze (issue 15): the adapters, the day's session key, the master and session-key jobs.
    IciciLiveBrokers,
    IciciSessionService,
    IciciJobs,
    // The strategies' market per account: the broker's feed while the account is LIVE.
    LiveMarketData,
  ],
  exports: [OrdersService, CancelOrderService, ApplyFillService, SettleInFlightService, ReconciliationService, OrderGateService, AccountMarginService, IciciSessionService, LiveMarketData, ORDERS_POSITION_LEDGER],
})
export class OrdersModule {}
