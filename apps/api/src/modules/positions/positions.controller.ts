import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { ExitPositionDto } from './dto/exit-position.dto';
import { PositionLeg } from './entities/position-leg.entity';
import { Position } from './entities/position.entity';
import { ManualExitService } from './manual-exit.service';

/** Positions over REST: list, inspect with legs, and a manual exit through the order gateway. */
@ApiTags('positions')
@Controller('positions')
export class PositionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exits: ManualExitService,
  ) {}

  @Get()
  list() {
    return this.dataSource.getRepository(Position).find({ order: { id: 'DESC' }, take: 200 });
  }

  @Get(':id')
  async get(@Param('id', IdParamPipe) id: number) {
    const position = await this.dataSource.getRepository(Position).findOne({ where: { id } });
    if (!position) throw new AppException('NOT_FOUND', `position ${id} not found`);
    const legs = await this.dataSource.getRepository(PositionLeg).find({ where: { positionId: id }, order: { id: 'ASC' } });
    return { ...position, legs };
  }

  @Post(':id/exit')
  @HttpCode(200)
  exit(@Param('id', IdParamPipe) id: number, @Body() dto: ExitPositionDto) {
    return this.exits.exit(id, dto.reason);
  }
}
