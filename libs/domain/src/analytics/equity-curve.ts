import type { AnalyticsTrade, EquityCurve, EquityPoint } from './analytics.types';
import { byExit } from './trade-stats';

/**
 * The equity curve of trades: starting capital plus the cumulative net P&L after each trade in
 * exit order, with the drawdown from the highest equity so far (the capital counts as the
 * first peak). Percent of the peak, 0 while the peak is not positive.
 */
export function equityCurve(input: { readonly accountId: string; readonly startingCapitalPaise: number; readonly trades: readonly AnalyticsTrade[] }): EquityCurve {
  let equity = input.startingCapitalPaise;
  let peak = equity;
  const points: EquityPoint[] = [];
  for (const t of byExit(input.trades)) {
    equity += t.netPnlPaise;
    peak = Math.max(peak, equity);
    const drawdownPaise = equity - peak;
    points.push({ at: t.exitAt, tradeId: t.id, equityPaise: equity, peakPaise: peak, drawdownPaise, drawdownPct: peak > 0 ? (100 * drawdownPaise) / peak : 0 });
  }
  const deepest = points.reduce<EquityPoint | null>((d, p) => (d === null || p.drawdownPaise < d.drawdownPaise ? p : d), null);
  return {
    accountId: input.accountId,
    startingCapitalPaise: input.startingCapitalPaise,
    points,
    maxDrawdownPaise: deepest && deepest.drawdownPaise < 0 ? deepest.drawdownPaise : 0,
    maxDrawdownPct: Math.min(0, ...points.map((p) => p.drawdownPct)),
  };
}
