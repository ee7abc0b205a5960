import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EntryEvaluationResponse } from '@mcube/contracts';
import { EvaluationQueryDto } from './dto/evaluation-query.dto';
import { entryEvaluationResponseOf } from './entry-evaluation-response-of';
import { KotakStrangleRunner } from './kotak-strangle.runner';

/** The running Kotak strangle over REST (any role): read-only. */
@ApiTags('strategies')
@Controller('strategies/kotak-strangle')
export class KotakStrangleController {
  constructor(private readonly runner: KotakStrangleRunner) {}

  /** "What would it do now?": the full entry evaluation on the market clock; never trades, never journals. NOT_FOUND without an enabled configuration. */
  @Get('evaluation')
  async evaluation(@Query() q: EvaluationQueryDto): Promise<EntryEvaluationResponse> {
    const ev = await this.runner.withStrategy(q.accountId, (s) => s.evaluateEntry(this.runner.nowMs()));
    return entryEvaluationResponseOf(q.accountId, ev);
  }
}
