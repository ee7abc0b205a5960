import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '../core/core.module';
import { StrategyConfig } from './entities/strategy-config.entity';
import { StrategyParametersController } from './parameters/strategy-parameters.controller';
import { StrategyParametersService } from './parameters/strategy-parameters.service';

/** The strategies domain of mCube (see apps/api/README.md for what each module owns). */
@Module({
  imports: [TypeOrmModule.forFeature([StrategyConfig]), CoreModule],
  controllers: [StrategyParametersController],
  providers: [StrategyParametersService],
  exports: [StrategyParametersService],
})
export class StrategiesModule {}
