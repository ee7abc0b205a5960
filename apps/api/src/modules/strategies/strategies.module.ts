import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '../core/core.module';
import { AuditLogEntity } from '../core/entities/audit-log.entity';
import { StrategyConfig } from './entities/strategy-config.entity';
import { StrategyConfigHistoryService } from './parameters/strategy-config-history.service';
import { StrategyParametersController } from './parameters/strategy-parameters.controller';
import { StrategyParametersService } from './parameters/strategy-parameters.service';

/** The strategies domain of mCube (see apps/api/README.md for what each module owns). */
@Module({
  imports: [TypeOrmModule.forFeature([StrategyConfig, AuditLogEntity]), CoreModule],
  controllers: [StrategyParametersController],
  providers: [StrategyParametersService, StrategyConfigHistoryService],
  exports: [StrategyParametersService],
})
export class StrategiesModule {}
