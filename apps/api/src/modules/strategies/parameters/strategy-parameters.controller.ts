import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { StrategyConfigChangeResponse, StrategyConfigResponse } from '@mcube/contracts';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { SetEntriesPausedDto } from './dto/set-entries-paused.dto';
import { FuturesParametersDto } from './dto/futures-parameters.dto';
import { StrangleParametersDto } from './dto/strangle-parameters.dto';
import { StrategyConfigHistoryService } from './strategy-config-history.service';
import { strategyConfigChangeResponseOf, strategyConfigResponseOf } from './strategy-config-response-of';
import { StrategyParametersService } from './strategy-parameters.service';

/** Stored strategy parameters (reads: any role; changes: trader or admin, audited). */
@ApiTags('strategies')
@ApiExtraModels(StrangleParametersDto, FuturesParametersDto)
@Controller('strategy-configs')
export class StrategyParametersController {
  constructor(
    private readonly params: StrategyParametersService,
    private readonly changes: StrategyConfigHistoryService,
  ) {}

  @Get()
  async list(): Promise<StrategyConfigResponse[]> {
    return (await this.params.list()).map(strategyConfigResponseOf);
  }

  @Get(':id')
  async get(@Param('id', IdParamPipe) id: number): Promise<StrategyConfigResponse> {
    return strategyConfigResponseOf(await this.params.get(id));
  }

  /** Who changed which parameters and when, newest first (any role; the full audit log is admin-only). */
  @Get(':id/history')
  async history(@Param('id', IdParamPipe) id: number): Promise<StrategyConfigChangeResponse[]> {
    return (await this.changes.history(id)).map(strategyConfigChangeResponseOf);
  }

  /** Pauses or resumes new entries (trader or admin, audited with the reason); a paused strategy still exits. */
  @Put(':id/entries-paused')
  async setEntriesPaused(@Param('id', IdParamPipe) id: number, @Body() dto: SetEntriesPausedDto): Promise<StrategyConfigResponse> {
    return strategyConfigResponseOf(await this.params.setEntriesPaused(id, dto.paused, dto.reason));
  }

  /** The body's schema depends on the config's strategy type, so the service validates it. */
  @Put(':id/parameters')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(StrangleParametersDto) }, { $ref: getSchemaPath(FuturesParametersDto) }] } })
  async update(@Param('id', IdParamPipe) id: number, @Body() body: Record<string, unknown>): Promise<StrategyConfigResponse> {
    return strategyConfigResponseOf(await this.params.update(id, body));
  }
}
