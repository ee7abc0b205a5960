import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LiveModeResponse } from '@mcube/contracts';
import { Roles } from '../../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { SwitchModeDto } from './dto/switch-mode.dto';
import { LiveModeService } from './live-mode.service';

/** An account's PAPER/LIVE mode: what going live needs, and the admin's guarded switch. */
@ApiTags('accounts')
@Controller('accounts/:id')
export class LiveModeController {
  constructor(private readonly modes: LiveModeService) {}

  @Roles('admin')
  @Get('live-mode')
  status(@Param('id', IdParamPipe) id: number): Promise<LiveModeResponse> {
    return this.modes.status(id);
  }

  @Roles('admin')
  @Put('mode')
  switchMode(@Param('id', IdParamPipe) id: number, @Body() dto: SwitchModeDto): Promise<LiveModeResponse> {
    return this.modes.switchMode(id, dto.mode, dto.confirmation);
  }
}
