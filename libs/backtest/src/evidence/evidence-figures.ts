import type { MarketHistory } from '../data/market-history';
import { periodChanges, tradeStats, weekOf } from '../report/metrics';
import type { BacktestReport, TradeRow } from '../report/report.types';

/** A loss beyond a limit found on the equity curve (close to close), whatever the breaker did. */
export interface LimitBreach {
  readonly period: string;
  readonly lossPaise: number;
  readonly limitPaise: number;
}

/** Figures of the evidence report computed from a report (pure). */
export function evidenceFigures(report: BacktestReport, history: MarketHistory) {
  const capital = report.parameters.engine.capitalPaise as number;
  const limits = report.parameters.engine.riskLimits as { dailyLossLimitPaise: number; weeklyLossLimitPaise: number | null; monthlyProfitTargetPaise: number };
  const points = report.equity.map((e) => ({ date: e.date, equityPaise: e.equityPaise }));
  const days = periodChanges(points, capital, (d) => d);
  const weeks = periodChanges(points, capital, weekOf);
  const months = report.summary.monthly;
  const dailyBreaches: LimitBreach[] = days.filter((d) => -d.pnlPaise > limits.dailyLossLimitPaise).map((d) => ({ period: d.key, lossPaise: -d.pnlPaise, limitPaise: limits.dailyLossLimitPaise }));
  const weekly = limits.weeklyLossLimitPaise;
  const weeklyBreaches: LimitBreach[] = weekly === null ? [] : weeks.filter((w) => -w.pnlPaise > weekly).map((w) => ({ period: `week of ${w.key}`, lossPaise: -w.pnlPaise, limitPaise: weekly }));
  const vixClose = (date: string) => {
    const i = history.vixDaily.indexOf(date);
    return i >= 0 ? history.vixDaily.close[i] : null;
  };
  const largestLosses = [...report.trades]
    .sort((a, b) => a.netPnlPaise - b.netPnlPaise)
    .slice(0, 10)
    .filter((t) => t.netPnlPaise < 0)
    .map((t) => ({ trade: t, exitVix: vixClose(t.exitAt.slice(0, 10)) }));
  const byYear = new Map<string, TradeRow[]>();
  for (const t of report.trades) byYear.set(t.exitAt.slice(0, 4), [...(byYear.get(t.exitAt.slice(0, 4)) ?? []), t]);
  const yearPnl = new Map(periodChanges(points, capital, (d) => d.slice(0, 4)).map((y) => [y.key, y.pnlPaise]));
  const years = [...byYear.keys()].sort().map((year) => ({ year, ...tradeStats(byYear.get(year) ?? []), equityChangePaise: yearPnl.get(year) ?? 0 }));
  const monthlyNets = months.map((m) => m.netPnlPaise);
  const sorted = [...monthlyNets].sort((a, b) => a - b);
  const firstDate = points[0]?.date ?? report.period.from;
  const lastDate = points[points.length - 1]?.date ?? report.period.to;
  const yearsSpan = (Date.parse(lastDate) - Date.parse(firstDate)) / (365.25 * 86_400_000);
  const endEquity = report.summary.endEquityPaise;
  return {
    capital,
    limits,
    dailyBreaches,
    weeklyBreaches,
    largestLosses,
    years,
    averageMonthPaise: monthlyNets.reduce((s, v) => s + v, 0) / Math.max(1, monthlyNets.length),
    medianMonthPaise: sorted.length > 0 ? sorted[Math.floor(sorted.length / 2)] : 0,
    monthsAtTarget: monthlyNets.filter((v) => v >= limits.monthlyProfitTargetPaise).length,
    monthsAtSystemTarget: monthlyNets.filter((v) => v >= 12 * 1_00_000 * 100).length,
    losingMonths: monthlyNets.filter((v) => v < 0).length,
    months: monthlyNets.length,
    cagrPct: yearsSpan > 0 ? ((endEquity / capital) ** (1 / yearsSpan) - 1) * 100 : 0,
    weeks: weeks.length,
  };
}
