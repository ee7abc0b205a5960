import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { KillSwitchDto } from './dto/kill-switch.dto';
import { ResetBreakerDto } from './dto/reset-breaker.dto';
import { KillSwitchService } from './kill-switch.service';

/** The kill switch (trader or admin; audited), the circuit breaker status, and the breaker reset (admin only: it re-activates the account). */
@ApiTags('risk')
@Controller('risk')
export class KillSwitchController {
  constructor(private readonly killSwitch: KillSwitchService) {}

  @Post('kill-switch')
  @HttpCode(200)
  set(@Body() dto: KillSwitchDto) {
    return this.killSwitch.set(dto.state, dto.reason, dto.accountId);
  }

  @Post('breakers/:id/reset')
  @HttpCode(200)
  @Roles('admin')
  reset(@Param('id', IdParamPipe) id: number, @Body() dto: ResetBreakerDto) {
    return this.killSwitch.resetBreaker(id, dto.note);
  }

  @Get('breakers')
  breakers() {
    return this.killSwitch.breakers();
  }
}
