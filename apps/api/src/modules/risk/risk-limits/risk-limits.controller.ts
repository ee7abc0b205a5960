import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RiskLimitsResponse } from '@mcube/contracts';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { UpdateRiskLimitsDto } from './dto/update-risk-limits.dto';
import { riskLimitsResponseOf } from '../risk-response-of';
import { RiskLimitsService } from './risk-limits.service';

/** Stored risk limits per account (reads: any role; changes: trader or admin, audited). */
@ApiTags('risk')
@Controller('accounts/:id/risk-limits')
export class RiskLimitsController {
  constructor(private readonly limits: RiskLimitsService) {}

  @Get()
  async get(@Param('id', IdParamPipe) id: number): Promise<RiskLimitsResponse> {
    return riskLimitsResponseOf(await this.limits.get(id));
  }

  @Put()
  async update(@Param('id', IdParamPipe) id: number, @Body() dto: UpdateRiskLimitsDto): Promise<RiskLimitsResponse> {
    return riskLimitsResponseOf(await this.limits.update(id, dto));
  }
}
