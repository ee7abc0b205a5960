import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ApprovalResponse } from '@mcube/contracts';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import type { Principal } from '../../../common/request-context/principal';
import { ApprovalsService } from './approvals.service';
import { ListApprovalsDto } from './dto/list-approvals.dto';
import { RejectApprovalDto } from './dto/reject-approval.dto';

/** The human approval queue over REST: read by everyone; approved or rejected (with a reason) by a trader or admin, audited. */
@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  async list(@Query() q: ListApprovalsDto): Promise<ApprovalResponse[]> {
    await this.approvals.expireStale();
    return this.approvals.list(q);
  }

  @Get(':id')
  get(@Param('id', IdParamPipe) id: number): Promise<ApprovalResponse> {
    return this.approvals.get(id);
  }

  /** Approves: mints the single-use token and hands the decision to the strategy, which sends the order through the gateway. The answer carries the strategy's outcome. */
  @Roles('trader')
  @Post(':id/approve')
  @HttpCode(200)
  async approve(@Param('id', IdParamPipe) id: number, @CurrentPrincipal() by: Principal): Promise<ApprovalResponse> {
    return (await this.approvals.approveWithOutcome(id, by)).view;
  }

  @Roles('trader')
  @Post(':id/reject')
  @HttpCode(200)
  async reject(@Param('id', IdParamPipe) id: number, @Body() body: RejectApprovalDto, @CurrentPrincipal() by: Principal): Promise<ApprovalResponse> {
    return (await this.approvals.rejectWithOutcome(id, by, body.reason)).view;
  }
}
