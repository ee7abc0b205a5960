import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { BacktestStatus, BacktestSummaryResponse } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { HandlesJob } from '../../jobs/handles-job.decorator';
import type { BacktestRunPayload } from '../../jobs/job-registry';
import { AppEventsBus } from '../core/events/app-events.bus';
import { BacktestRun } from './entities/backtest-run.entity';
import type { BacktestChildRequest } from './runner/backtest-child.protocol';
import { runBacktestProcess } from './runner/backtest-process';
import { BacktestRequestValidator } from './backtest-request.validator';

/** A run longer than this is killed and failed (the ten-year run takes seconds). */
const RUN_TIMEOUT_MS = 15 * 60_000;

/**
 * The `backtests.run` job: runs the stored request in a child process (`runBacktestProcess`),
 * stores its progress (each 5%) and pushes every percent as `backtest.progress` on the
 * socket, then stores the report and summary (COMPLETED) or the error (FAILED). Runs once
 * (registry attempts 1): a run already finished is not run again on a redelivery.
 */
@Injectable()
export class BacktestJobHandler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Backtests');
  /** Runs in progress: a shutdown stops their children and waits for their FAILED row. */
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
    private readonly validator: BacktestRequestValidator,
  ) {}

  /** The `backtests.run` job. */
  @HandlesJob('backtests.run')
  async onRunJob(p: BacktestRunPayload): Promise<void> {
    await this.run(p.runId);
  }

  /** Before the database closes: stop running children, store their runs as FAILED (interrupted). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running]);
  }

  async run(runId: number): Promise<void> {
    const run = this.execute(runId);
    this.running.add(run);
    try {
      await run;
    } finally {
      this.running.delete(run);
    }
  }

  private async execute(runId: number): Promise<void> {
    if (this.stopping.signal.aborted) throw new Error('the API is shutting down: backtest run not started');
    const repo = this.dataSource.getRepository(BacktestRun);
    const row = await repo.findOne({ where: { id: runId }, select: ['id', 'strategy', 'fromDate', 'toDate', 'dataSource', 'seed', 'params', 'status'] });
    if (!row || row.status === 'COMPLETED' || row.status === 'FAILED') return;
    await repo.update(runId, { status: 'RUNNING', progressPct: 0 });
    this.publish(runId, 'RUNNING', 0, 0, 0, null, null);
    const request: BacktestChildRequest = {
      mode: 'run',
      strategy: row.strategy,
      from: row.fromDate,
      to: row.toDate,
      params: Object.entries(row.params).map(([k, v]) => `${k}=${v}`),
      dataSource: row.dataSource,
      seed: row.seed,
      dataFolder: this.validator.dataFolder(),
    };
    let stored = 0;
    let writes = Promise.resolve();
    const result = await runBacktestProcess(
      request,
      (done, total, date) => {
        const pct = Math.min(99, Math.floor((done / total) * 100));
        this.publish(runId, 'RUNNING', pct, done, total, date, null);
        if (pct >= stored + 5) {
          stored = pct;
          writes = writes.then(() => repo.update(runId, { progressPct: pct }).then(() => undefined));
        }
      },
      { timeoutMs: RUN_TIMEOUT_MS, signal: this.stopping.signal },
    );
    await writes;
    if (result.ok && result.reportJson) {
      const summary = (JSON.parse(result.reportJson) as { summary: BacktestSummaryResponse }).summary;
      await repo.update(runId, { status: 'COMPLETED', progressPct: 100, summary, reportJson: result.reportJson, finishedAt: new Date() });
      this.publish(runId, 'COMPLETED', 100, 0, 0, row.toDate, null);
    } else {
      const error = result.ok ? 'the run produced no report' : `${result.input ? `${result.field ?? 'request'}: ` : ''}${result.message}`;
      this.logger.warn(`backtest run ${runId} failed: ${error}`);
      await repo.update(runId, { status: 'FAILED', error, finishedAt: new Date() });
      this.publish(runId, 'FAILED', stored, 0, 0, null, error);
    }
  }

  private publish(runId: number, status: BacktestStatus, progressPct: number, daysDone: number, daysTotal: number, date: string | null, error: string | null): void {
    // Wall time: a run's progress has nothing to do with the market clock.
    this.bus.publish('backtest.progress', { runId, status, progressPct, daysDone, daysTotal, date, error, atMs: Date.now() });
  }
}
