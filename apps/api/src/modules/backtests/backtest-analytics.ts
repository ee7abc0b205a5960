import { analyticsReport, daysBetween } from '@mcube/domain';
import type { AnalyticsReport, BacktestReportResponse } from '@mcube/contracts';

/**
 * A backtest run's trades as the analytics report the console draws (`analyticsReport` of the
 * domain, the same computation as the live trades' analytics): one account (the run's), its
 * capital the engine's, the targets the run's risk limits (weekly) and its monthly target.
 */
export function backtestAnalytics(report: BacktestReportResponse): AnalyticsReport {
  const engine = report.parameters.engine as { capitalPaise?: number; riskLimits?: { weeklyProfitTargetPaise?: number | null; monthlyProfitTargetPaise?: number | null } };
  const strategy = report.strategy;
  return analyticsReport({
    trades: report.trades.map((t) => ({
      id: t.positionId,
      accountId: 'BACKTEST',
      strategy,
      underlying: 'NIFTY',
      entryAt: t.entryAt,
      exitAt: t.exitAt,
      exitReason: t.exitReason,
      grossPnlPaise: t.grossPnlPaise,
      chargesPaise: t.chargesPaise,
      netPnlPaise: t.netPnlPaise,
      vixAtEntry: t.entryVix,
      daysToExpiryAtEntry: Math.max(0, daysBetween(t.entryAt.slice(0, 10), t.expiry)),
    })),
    from: report.period.from,
    to: report.period.to,
    capitalByAccount: { BACKTEST: engine.capitalPaise ?? 0 },
    targets: { weeklyPaise: engine.riskLimits?.weeklyProfitTargetPaise ?? null, monthlyPaise: report.summary.monthly[0]?.targetPaise ?? engine.riskLimits?.monthlyProfitTargetPaise ?? null },
  });
}
