import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FuturesEvaluationResponse, FuturesPositionResponse, FuturesScreenResponse } from '@mcube/contracts';
import { DataSource, In } from 'typeorm';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { EvaluationQueryDto } from '../runtime/dto/evaluation-query.dto';
import { DecisionJournalEntry } from '../entities/decision-journal-entry.entity';
import { futuresEvaluationResponseOf } from './futures-evaluation-response-of';
import { FuturesPositionViewService } from './futures-position-view.service';
import { ICICI_STRATEGY_TYPE } from './gateway-futures-orders';
import { IciciFuturesRunner } from './icici-futures.runner';

/** The running ICICI futures strategy over REST (any role): read-only. */
@ApiTags('strategies')
@Controller('strategies/icici-futures')
export class IciciFuturesController {
  constructor(
    private readonly runner: IciciFuturesRunner,
    private readonly dataSource: DataSource,
    private readonly positions: FuturesPositionViewService,
  ) {}

  /** An ICICI futures position: entry, average, stop, target, averaging attempts with their approvals, P&L, the exit rules ahead. NOT_FOUND for another strategy's position. */
  @Get('positions/:id')
  position(@Param('id', IdParamPipe) id: number): Promise<FuturesPositionResponse> {
    return this.positions.view(id);
  }

  /** "What would it do now?": morning check, window, screen and plans on the market clock; never validates, journals or trades. NOT_FOUND without an enabled configuration. */
  @Get('evaluation')
  async evaluation(@Query() q: EvaluationQueryDto): Promise<FuturesEvaluationResponse> {
    return futuresEvaluationResponseOf(await this.runner.withStrategy(q.accountId, (s) => s.evaluate(this.runner.nowMs())));
  }

  /** The latest stored screens of the account (newest first, at most 20): the screener page. */
  @Get('screens')
  async screens(@Query() q: EvaluationQueryDto): Promise<FuturesScreenResponse[]> {
    const rows = await this.dataSource.getRepository(DecisionJournalEntry).find({
      where: { accountId: q.accountId, strategyType: ICICI_STRATEGY_TYPE, kind: In(['SCREEN', 'SKIP']) },
      order: { id: 'DESC' },
      take: 20,
    });
    return rows
      .filter((r) => r.inputs['evaluation'] !== undefined)
      .map((r) => ({ id: r.id, accountId: r.accountId, occurredAtMs: r.occurredAt.getTime(), decision: r.decision, reasonCode: r.reasonCode, reason: r.reason, evaluation: r.inputs['evaluation'] as FuturesScreenResponse['evaluation'] }));
  }
}
