import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { AccountSummaryService } from './account-summary.service';

/** The dashboard's account cards (also pushed live as `account.summary`). */
@ApiTags('accounts')
@Controller('accounts')
export class AccountSummaryController {
  constructor(private readonly summaries: AccountSummaryService) {}

  @Get('summary')
  list(): Promise<AccountSummaryResponse[]> {
    return this.summaries.list();
  }
}
