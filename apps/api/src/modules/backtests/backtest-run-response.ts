import type { BacktestDetailResponse, BacktestReportResponse, BacktestRunResponse } from '@mcube/contracts';
import { backtestAnalytics } from './backtest-analytics';
import type { BacktestRun } from './entities/backtest-run.entity';

/** A run as listed. */
export function backtestRunResponse(r: BacktestRun): BacktestRunResponse {
  return {
    id: r.id,
    strategy: r.strategy,
    from: r.fromDate,
    to: r.toDate,
    dataSource: r.dataSource,
    seed: r.seed,
    params: r.params,
    status: r.status,
    progressPct: r.progressPct,
    error: r.error,
    summary: r.summary,
    createdBy: r.createdBy,
    createdAtMs: r.createdAt.getTime(),
    finishedAtMs: r.finishedAt ? r.finishedAt.getTime() : null,
  };
}

/** A run with its report (parsed from the stored text) and the report's trades as the analytics report. */
export function backtestDetailResponse(r: BacktestRun): BacktestDetailResponse {
  const report = r.reportJson ? (JSON.parse(r.reportJson) as BacktestReportResponse) : null;
  return { ...backtestRunResponse(r), report, analytics: report ? backtestAnalytics(report) : null };
}
