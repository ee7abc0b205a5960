import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EconomicEventResponse } from '@mcube/contracts';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { CreateEconomicEventDto, ListEconomicEventsDto, UpdateEconomicEventDto } from './dto/economic-event.dto';
import { EconomicEventsService } from './economic-events.service';

/** The economic events calendar: read by every role, written by trader and admin (audited). */
@ApiTags('events')
@Controller('events')
export class EconomicEventsController {
  constructor(private readonly events: EconomicEventsService) {}

  @Get()
  list(@Query() q: ListEconomicEventsDto): Promise<EconomicEventResponse[]> {
    return this.events.list(q);
  }

  @Post()
  create(@Body() dto: CreateEconomicEventDto): Promise<EconomicEventResponse> {
    return this.events.create(dto);
  }

  @Put(':id')
  update(@Param('id', IdParamPipe) id: number, @Body() dto: UpdateEconomicEventDto): Promise<EconomicEventResponse> {
    return this.events.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', IdParamPipe) id: number): Promise<void> {
    return this.events.remove(id);
  }
}
