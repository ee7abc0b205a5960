import { instrumentName, type BacktestDetailResponse, type BacktestReportResponse, type BacktestRunResponse, type BacktestTrade } from '@mcube/contracts';
import { parseInstrumentKey } from '@mcube/domain';
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
  const stored = r.reportJson ? (JSON.parse(r.reportJson) as BacktestReportResponse) : null;
  const report = stored ? { ...stored, trades: stored.trades.map(withLegNames) } : null;
  return { ...backtestRunResponse(r), report, analytics: report ? backtestAnalytics(report) : null };
}

/** Each leg of a trade named as a trader says it; the year is added when the expiry is in another year than the entry. */
function withLegNames(t: BacktestTrade): BacktestTrade {
  const year = Number(t.entryAt.slice(0, 4));
  return { ...t, legs: t.legs.map((l) => ({ ...l, name: nameOfKey(l.instrument, year) })) };
}

function nameOfKey(key: string, year: number): string {
  try {
    const i = parseInstrumentKey(key);
    return instrumentName({ underlying: i.underlying, expiryDate: i.expiry, strike: i.strike ?? null, optionType: i.kind === 'FUT' ? null : (i.optionType ?? null) }, year);
  } catch {
    // Not a contract key the engine writes: shown as stored.
    return key;
  }
}
