import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendCachedJson } from '../../../common/http/send-cached-json';
import { AccountSummaryService } from './account-summary.service';

/** The dashboard's account cards (also pushed live as `account.summary`). */
@ApiTags('accounts')
@Controller('accounts')
export class AccountSummaryController {
  constructor(private readonly summaries: AccountSummaryService) {}

  /** `AccountSummaryResponse[]`, serialized once per cached list (a write or a new market minute makes a new one). */
  @Get('summary')
  async list(@Res() res: Response): Promise<void> {
    sendCachedJson(res, await this.summaries.list());
  }
}
