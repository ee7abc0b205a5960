import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RISK_TRADING_STATES } from '../accounts/account-trading-states.port';
import { dailyPnlReaderProvider } from '../analytics/daily-pnl/daily-pnl-history';
import { RISK_FACTS } from '../analytics/ports/analytics-risk.port';
import { riskPositionsProvider } from './ports/risk-positions.port';
import { AnalyticsRiskFacts } from './analytics-facts/analytics-risk-facts.service';
import { AlertsModule } from '../alerts/alerts.module';
import { CoreModule } from '../core/core.module';
import { DataModule } from '../data/data.module';
import { breakerExitsProvider } from './breaker/breaker-exits.port';
import { CircuitBreakerTripService } from './breaker/circuit-breaker-trip.service';
import { CalendarHorizonWatchService } from './calendar/calendar-horizon-watch.service';
import { ReconciliationGate } from './context/reconciliation-gate';
import { RiskContextService } from './context/risk-context.service';
import { SharedReconciliationStates } from './context/shared-reconciliation-states';
import { TradingStateService } from './context/trading-state.service';
import { RiskLimit } from './entities/risk-limit.entity';
import { RiskStatePublisher } from './events/risk-state.publisher';
import { LossLimitWatchService } from './limits/loss-limit-watch.service';
import { KillSwitchController } from './kill-switch/kill-switch.controller';
import { KillSwitchService } from './kill-switch/kill-switch.service';
import { RiskLimitsController } from './risk-limits/risk-limits.controller';
import { RiskLimitsService } from './risk-limits/risk-limits.service';

/**
 * The risk domain of mCube (see apps/api/ARCHITECTURE.md for what each module declares and writes).
 * Risk decisions, breaker trips and the kill switch are stamped on `MARKET_CLOCK`, so the
 * accelerated demo and the replay trade in session. The circuit breaker closes positions
 * through the `BreakerExits` port, which the positions module provides as `POSITION_EXITS`; it
 * provides the accounts module's `AccountTradingStates` port as `RISK_TRADING_STATES`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RiskLimit]), CoreModule, DataModule, AlertsModule],
  controllers: [RiskLimitsController, KillSwitchController],
  providers: [breakerExitsProvider, riskPositionsProvider, dailyPnlReaderProvider, CircuitBreakerTripService, RiskLimitsService, RiskContextService, KillSwitchService, ReconciliationGate, SharedReconciliationStates, TradingStateService, { provide: RISK_TRADING_STATES, useExisting: TradingStateService }, RiskStatePublisher, AnalyticsRiskFacts, { provide: RISK_FACTS, useExisting: AnalyticsRiskFacts }, LossLimitWatchService, CalendarHorizonWatchService],
  exports: [CircuitBreakerTripService, RiskLimitsService, RiskContextService, ReconciliationGate, TradingStateService, RiskStatePublisher, KillSwitchService],
})
export class RiskModule {}
