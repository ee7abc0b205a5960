import { Inject, Injectable } from '@nestjs/common';
import type { BacktestDetailResponse, BacktestRunResponse } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { currentRequestContext } from '../../common/request-context/request-context';
import { inTransaction } from '../../database/in-transaction';
import { JOB_QUEUE, type JobQueue } from '../../jobs/job-queue.port';
import { AuditService } from '../core/audit/audit.service';
import { backtestDetailResponse, backtestRunResponse } from './backtest-run-response';
import { BacktestRequestValidator } from './backtest-request.validator';
import type { CreateBacktestDto } from './dto/create-backtest.dto';
import { BacktestRun } from './entities/backtest-run.entity';

/** Columns of the list (never the report text). */
const LIST_COLUMNS: (keyof BacktestRun)[] = ['id', 'strategy', 'fromDate', 'toDate', 'dataSource', 'seed', 'params', 'status', 'progressPct', 'error', 'summary', 'createdBy', 'createdAt', 'finishedAt'];

/** Backtest runs: requested over REST (checked, stored, audited, queued as `backtests.run`), listed and read. */
@Injectable()
export class BacktestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly validator: BacktestRequestValidator,
    private readonly audit: AuditService,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  /** Checks the request with the engine's rules (400 naming the field, nothing stored), stores the run with its audit entry, queues it. */
  async create(dto: CreateBacktestDto): Promise<BacktestRunResponse> {
    const checked = await this.validator.check(dto);
    const principal = currentRequestContext()?.principal;
    const by = !principal ? 'system' : principal.via === 'api-key' ? `${principal.username} (api key ${principal.apiKeyName ?? '?'})` : principal.username;
    const run = await inTransaction(this.dataSource, async (m) => {
      const row = await m.save(
        BacktestRun,
        m.create(BacktestRun, { strategy: dto.strategy, fromDate: dto.from, toDate: dto.to, dataSource: dto.dataSource, seed: checked.request.seed, params: checked.given, status: 'QUEUED', progressPct: 0, error: null, summary: null, reportJson: null, createdBy: by.slice(0, 200), finishedAt: null }),
      );
      await this.audit.record({ action: 'backtest.run', entity: 'backtest_run', entityId: String(row.id), newValue: { strategy: dto.strategy, from: dto.from, to: dto.to, dataSource: dto.dataSource, seed: row.seed, params: checked.given } }, m);
      return row;
    });
    await this.jobs.enqueue('backtests.run', { runId: run.id });
    return backtestRunResponse(run);
  }

  /** Newest first, without reports. */
  async list(limit = 50): Promise<BacktestRunResponse[]> {
    const rows = await this.dataSource.getRepository(BacktestRun).find({ select: LIST_COLUMNS, order: { id: 'DESC' }, take: limit });
    return rows.map(backtestRunResponse);
  }

  /** One run with its report; NOT_FOUND. */
  async get(id: number): Promise<BacktestDetailResponse> {
    const row = await this.dataSource.getRepository(BacktestRun).findOne({ where: { id } });
    if (!row) throw new AppException('NOT_FOUND', `No backtest run ${id}`);
    return backtestDetailResponse(row);
  }
}
