import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CircuitBreakerResponse, KillSwitchResponse } from '@mcube/contracts';
import { Roles } from '../../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { KillSwitchDto } from './dto/kill-switch.dto';
import { ResetBreakerDto } from './dto/reset-breaker.dto';
import { circuitBreakerResponseOf } from '../risk-response-of';
import { KillSwitchService } from './kill-switch.service';

/** The kill switch (trader or admin; audited), the circuit breaker status, and the breaker reset (admin only: it re-activates the account). */
@ApiTags('risk')
@Controller('risk')
export class KillSwitchController {
  constructor(private readonly killSwitch: KillSwitchService) {}

  @Post('kill-switch')
  @HttpCode(200)
  set(@Body() dto: KillSwitchDto): Promise<KillSwitchResponse> {
    return this.killSwitch.set(dto.state, dto.reason, dto.accountId);
  }

  @Post('breakers/:id/reset')
  @HttpCode(200)
  @Roles('admin')
  async reset(@Param('id', IdParamPipe) id: number, @Body() dto: ResetBreakerDto): Promise<CircuitBreakerResponse> {
    return circuitBreakerResponseOf(await this.killSwitch.resetBreaker(id, dto.note));
  }

  @Get('breakers')
  async breakers(): Promise<CircuitBreakerResponse[]> {
    return (await this.killSwitch.breakers()).map(circuitBreakerResponseOf);
  }
}
