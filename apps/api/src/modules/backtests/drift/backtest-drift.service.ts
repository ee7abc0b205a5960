import { Inject, Injectable } from '@nestjs/common';
import { driftReport, type ComparableTrade, type DecisionRow } from '@mcube/backtest';
import type { BacktestReportResponse, DriftReportResponse } from '@mcube/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { accountExists } from '../../accounts/account-reads';
import { BacktestRun } from '../entities/backtest-run.entity';
import { paperTradesOf } from './paper-trades';

/**
 * The drift report (issue 18 §3): an account's paper trades of [from, to] against a completed
 * backtest run whose period covers those days, through the pure drift core of
 * @mcube/backtest (paired by entry day, each difference with its cause and P&L effect; a day
 * only one side traded explained from the backtest's decisions). The run should be on the
 * market data the paper account traded on: a SIMULATOR run with the API's seed when the API
 * runs the simulator, a SHARED run when it replays the shared history; the response says which.
 */
@Injectable()
export class BacktestDriftService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(q: { accountId: number; runId: number; from: string; to: string }): Promise<DriftReportResponse> {
    if (q.from > q.to) throw new AppException('VALIDATION_FAILED', [`to: ${q.to} is before from ${q.from}`], {}, { field: 'to' });
    if (!(await accountExists(this.dataSource, q.accountId))) throw new AppException('NOT_FOUND', `No account ${q.accountId}`);
    const run = await this.dataSource.getRepository(BacktestRun).findOne({ where: { id: q.runId } });
    if (!run) throw new AppException('NOT_FOUND', `No backtest run ${q.runId}`);
    if (run.status !== 'COMPLETED' || !run.reportJson) throw new AppException('CONFLICT', `backtest run ${q.runId} is ${run.status}, not COMPLETED`);
    if (q.from < run.fromDate || q.to > run.toDate) throw new AppException('VALIDATION_FAILED', [`from: [${q.from}, ${q.to}] is not inside run ${q.runId}'s period ${run.fromDate} … ${run.toDate}`], {}, { field: 'from' });
    const report = JSON.parse(run.reportJson) as BacktestReportResponse;
    const inPeriod = (date: string) => date >= q.from && date <= q.to;
    const backtest: ComparableTrade[] = report.trades.filter((t) => inPeriod(t.entryAt.slice(0, 10)));
    const decisions = report.decisions.filter((d) => inPeriod(d.date)) as DecisionRow[];
    const paper = await paperTradesOf(this.dataSource, q.accountId, q.from, q.to);
    const drift = driftReport({ paper, backtest, backtestDecisions: decisions });
    const md = this.config.marketData;
    const api = md.source === 'sim' ? `the API's simulator (seed ${md.simSeed})` : `the API's replay of ${md.replayDataDir ?? 'the shared history'}`;
    const side = run.dataSource === 'SIMULATOR' ? `simulator seed ${run.seed}` : 'the shared history';
    const same = (md.source === 'sim' && run.dataSource === 'SIMULATOR' && run.seed === md.simSeed) || (md.source === 'replay' && run.dataSource === 'SHARED');
    return {
      accountId: q.accountId,
      runId: q.runId,
      from: q.from,
      to: q.to,
      marketData: `paper traded on ${api}; the backtest ran on ${side}${same ? '' : ' (NOT the same market data: expect differences from the market itself)'}`,
      ...drift,
      rows: drift.rows.map((r) => ({ ...r, paper: r.paper ? { ...r.paper, legs: [...r.paper.legs] } : null, backtest: r.backtest ? { ...r.backtest, legs: [...r.backtest.legs] } : null, differences: [...r.differences] })),
    };
  }
}
