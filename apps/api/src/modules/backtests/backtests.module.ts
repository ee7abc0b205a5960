import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoreModule } from '../core/core.module';
import { BacktestJobHandler } from './backtest-job-handler';
import { BacktestRequestValidator } from './backtest-request.validator';
import { BacktestsController } from './backtests.controller';
import { BacktestsService } from './backtests.service';
import { BacktestDriftService } from './drift/backtest-drift.service';
import { BacktestRun } from './entities/backtest-run.entity';

/** Backtests (issue 18): runs of @mcube/backtest as registry jobs in child processes, their stored reports, and the paper-vs-backtest drift report. */
@Module({
  imports: [TypeOrmModule.forFeature([BacktestRun]), CoreModule],
  controllers: [BacktestsController],
  providers: [BacktestRequestValidator, BacktestsService, BacktestDriftService, BacktestJobHandler],
})
export class BacktestsModule {}
