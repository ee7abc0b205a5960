import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { FuturesParametersDto } from './dto/futures-parameters.dto';
import { StrangleParametersDto } from './dto/strangle-parameters.dto';
import { StrategyParametersService } from './strategy-parameters.service';

/** Stored strategy parameters (reads: any role; changes: trader or admin, audited). */
@ApiTags('strategies')
@ApiExtraModels(StrangleParametersDto, FuturesParametersDto)
@Controller('strategy-configs')
export class StrategyParametersController {
  constructor(private readonly params: StrategyParametersService) {}

  @Get()
  list() {
    return this.params.list();
  }

  @Get(':id')
  get(@Param('id', IdParamPipe) id: number) {
    return this.params.get(id);
  }

  /** The body's schema depends on the config's strategy type, so the service validates it. */
  @Put(':id/parameters')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(StrangleParametersDto) }, { $ref: getSchemaPath(FuturesParametersDto) }] } })
  update(@Param('id', IdParamPipe) id: number, @Body() body: Record<string, unknown>) {
    return this.params.update(id, body);
  }
}
