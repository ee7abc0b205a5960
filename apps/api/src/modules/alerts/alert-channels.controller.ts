import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AlertChannelStatusResponse, AlertCooldownResponse, AlertDeliveryResponse, AlertRaisedResponse } from '@mcube/contracts';
import type { AlertChannelName } from '@mcube/domain';
import { Roles } from '../../common/decorators/roles.decorator';
import { AppException } from '../../common/errors/app-exception';
import { ListDeliveriesDto } from './dto/list-deliveries.dto';
import { UpdateChannelSettingsDto } from './dto/update-channel-settings.dto';
import { UpdateCooldownDto } from './dto/update-cooldown.dto';
import { AlertChannelStatusService } from './settings/alert-channel-status.service';
import { AlertSettingsService } from './settings/alert-settings.service';

const CHANNEL = new ParseEnumPipe({ TELEGRAM: 'TELEGRAM', EMAIL: 'EMAIL', SMS: 'SMS' }, { exceptionFactory: () => new AppException('VALIDATION_FAILED', 'channel must be TELEGRAM, EMAIL or SMS') });

/** The alert channels: status and delivery log (everyone), routing, cooldowns and test alerts (admin, audited). */
@ApiTags('alerts')
@Controller('alerts')
export class AlertChannelsController {
  constructor(
    private readonly status: AlertChannelStatusService,
    private readonly settings: AlertSettingsService,
  ) {}

  @Get('channels')
  channels(): Promise<AlertChannelStatusResponse[]> {
    return this.status.list();
  }

  @Roles('admin')
  @Put('channels/:channel')
  updateChannel(@Param('channel', CHANNEL) channel: AlertChannelName, @Body() dto: UpdateChannelSettingsDto): Promise<AlertChannelStatusResponse> {
    return this.settings.updateChannel(channel, dto);
  }

  @Roles('admin')
  @Post('channels/:channel/test')
  @HttpCode(202)
  test(@Param('channel', CHANNEL) channel: AlertChannelName): Promise<AlertRaisedResponse> {
    return this.settings.sendTest(channel);
  }

  @Get('deliveries')
  deliveries(@Query() q: ListDeliveriesDto): Promise<AlertDeliveryResponse[]> {
    return this.status.deliveries(q);
  }

  @Get('cooldowns')
  cooldowns(): Promise<AlertCooldownResponse[]> {
    return this.settings.cooldowns();
  }

  @Roles('admin')
  @Put('cooldowns/:kind')
  updateCooldown(@Param('kind') kind: string, @Body() dto: UpdateCooldownDto): Promise<AlertCooldownResponse> {
    return this.settings.updateCooldown(kind, dto.cooldownSeconds);
  }
}
