import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '../core/core.module';
import { RiskLimit } from './entities/risk-limit.entity';
import { RiskLimitsController } from './risk-limits/risk-limits.controller';
import { RiskLimitsService } from './risk-limits/risk-limits.service';

/** The risk domain of mCube (see apps/api/README.md for what each module owns). */
@Module({
  imports: [TypeOrmModule.forFeature([RiskLimit]), CoreModule],
  controllers: [RiskLimitsController],
  providers: [RiskLimitsService],
  exports: [RiskLimitsService],
})
export class RiskModule {}
