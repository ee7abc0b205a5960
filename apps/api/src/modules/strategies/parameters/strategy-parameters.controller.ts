import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { SetEntriesPausedDto } from './dto/set-entries-paused.dto';
import { FuturesParametersDto } from './dto/futures-parameters.dto';
import { StrangleParametersDto } from './dto/strangle-parameters.dto';
import { StrategyConfigHistoryService } from './strategy-config-history.service';
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
  list() {
    return this.params.list();
  }

  @Get(':id')
  get(@Param('id', IdParamPipe) id: number) {
    return this.params.get(id);
  }

  /** Who changed which parameters and when, newest first (any role; the full audit log is admin-only). */
  @Get(':id/history')
  history(@Param('id', IdParamPipe) id: number) {
    return this.changes.history(id);
  }

  /** Pauses or resumes new entries (trader or admin, audited with the reason); a paused strategy still exits. */
  @Put(':id/entries-paused')
  setEntriesPaused(@Param('id', IdParamPipe) id: number, @Body() dto: SetEntriesPausedDto) {
    return this.params.setEntriesPaused(id, dto.paused, dto.reason);
  }

  /** The body's schema depends on the config's strategy type, so the service validates it. */
  @Put(':id/parameters')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(StrangleParametersDto) }, { $ref: getSchemaPath(FuturesParametersDto) }] } })
  update(@Param('id', IdParamPipe) id: number, @Body() body: Record<string, unknown>) {
    return this.params.update(id, body);
  }
}
