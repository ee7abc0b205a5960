import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AlertResponse } from '@mcube/contracts';
import { CurrentPrincipal } from '../../common/decorators/current-principal.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import type { Principal } from '../../common/request-context/principal';
import { AlertFeedService } from './alert-feed.service';
import { ListAlertsDto } from './dto/list-alerts.dto';

/** The in-app alert feed (the only channel so far): read by everyone, acknowledged by a trader or admin. */
@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly feed: AlertFeedService) {}

  @Get()
  list(@Query() q: ListAlertsDto): Promise<AlertResponse[]> {
    return this.feed.list(q);
  }

  @Roles('trader')
  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@Param('id', IdParamPipe) id: number, @CurrentPrincipal() by: Principal): Promise<AlertResponse> {
    return this.feed.acknowledge(id, by);
  }
}
