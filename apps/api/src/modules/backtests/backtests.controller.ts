import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BacktestDetailResponse, BacktestRunResponse, DriftReportResponse } from '@mcube/contracts';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { BacktestsService } from './backtests.service';
import { BacktestDriftService } from './drift/backtest-drift.service';
import { CreateBacktestDto } from './dto/create-backtest.dto';
import { DriftQueryDto } from './dto/drift-query.dto';

/**
 * Backtests over REST: reads for every role; a run is a write (trader or admin, audited),
 * answered 202 with the queued run; its progress arrives on `/ws` as `backtest.progress`.
 */
@ApiTags('backtests')
@Controller('backtests')
export class BacktestsController {
  constructor(
    private readonly backtests: BacktestsService,
    private readonly drift: BacktestDriftService,
  ) {}

  @Post()
  @HttpCode(202)
  create(@Body() dto: CreateBacktestDto): Promise<BacktestRunResponse> {
    return this.backtests.create(dto);
  }

  @Get()
  list(): Promise<BacktestRunResponse[]> {
    return this.backtests.list();
  }

  /** Paper trades of an account against a completed run over the same days, each difference explained. */
  @Get('drift')
  driftReport(@Query() q: DriftQueryDto): Promise<DriftReportResponse> {
    return this.drift.report(q);
  }

  @Get(':id')
  get(@Param('id', IdParamPipe) id: number): Promise<BacktestDetailResponse> {
    return this.backtests.get(id);
  }
}
