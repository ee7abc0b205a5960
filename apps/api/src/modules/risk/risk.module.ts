import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '../core/core.module';
import { ReconciliationGate } from './context/reconciliation-gate';
import { RiskContextService } from './context/risk-context.service';
import { RiskLimit } from './entities/risk-limit.entity';
import { KillSwitchController } from './kill-switch/kill-switch.controller';
import { KillSwitchService } from './kill-switch/kill-switch.service';
import { RiskLimitsController } from './risk-limits/risk-limits.controller';
import { RiskLimitsService } from './risk-limits/risk-limits.service';

/** The risk domain of mCube (see apps/api/README.md for what each module owns). */
@Module({
  imports: [TypeOrmModule.forFeature([RiskLimit]), CoreModule],
  controllers: [RiskLimitsController, KillSwitchController],
  providers: [RiskLimitsService, RiskContextService, KillSwitchService, ReconciliationGate],
  exports: [RiskLimitsService, RiskContextService, ReconciliationGate],
})
export class RiskModule {}
