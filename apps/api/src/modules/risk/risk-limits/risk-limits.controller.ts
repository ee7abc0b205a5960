import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { UpdateRiskLimitsDto } from './dto/update-risk-limits.dto';
import { RiskLimitsService } from './risk-limits.service';

/** Stored risk limits per account (reads: any role; changes: trader or admin, audited). */
@ApiTags('risk')
@Controller('accounts/:id/risk-limits')
export class RiskLimitsController {
  constructor(private readonly limits: RiskLimitsService) {}

  @Get()
  get(@Param('id', IdParamPipe) id: number) {
    return this.limits.get(id);
  }

  @Put()
  update(@Param('id', IdParamPipe) id: number, @Body() dto: UpdateRiskLimitsDto) {
    return this.limits.update(id, dto);
  }
}
