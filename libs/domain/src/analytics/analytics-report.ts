import { isoWeekday } from '../time/ist-date';
import type { AnalyticsReport, AnalyticsTrade, DailyPnlPoint } from './analytics.types';
import { bandOf, bandOrder, DTE_BUCKETS, VIX_BANDS } from './bands';
import { equityCurve } from './equity-curve';
import { targetsProgress } from './targets-progress';
import { breakdown, tradeFigures } from './trade-stats';

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/** What the report is computed from. */
export interface AnalyticsReportInput {
  /** Closed trades; those whose exit date falls outside [from, to] are left out. */
  readonly trades: readonly AnalyticsTrade[];
  /** IST dates, inclusive; null = open-ended. */
  readonly from: string | null;
  readonly to: string | null;
  /** Starting capital of each account's curve (an account without one starts at 0). */
  readonly capitalByAccount: Readonly<Record<string, number>>;
  /** The weekly and monthly profit targets of the accounts reported, summed; null when none. */
  readonly targets: { readonly weeklyPaise: number | null; readonly monthlyPaise: number | null };
}

/** Net P&L per IST exit date, ascending. */
export function dailyPnl(trades: readonly AnalyticsTrade[]): DailyPnlPoint[] {
  const days = new Map<string, { trades: number; net: number }>();
  for (const t of trades) {
    const d = days.get(t.exitAt.slice(0, 10)) ?? { trades: 0, net: 0 };
    days.set(t.exitAt.slice(0, 10), { trades: d.trades + 1, net: d.net + t.netPnlPaise });
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, d]) => ({ date, trades: d.trades, netPnlPaise: d.net }));
}

/**
 * The analytics report of closed trades: KPIs, equity curves (combined first, then per account
 * in id order) with drawdown, daily P&L, breakdowns (strategy, exit reason, weekday of exit,
 * VIX band and days to expiry at entry) and target progress. Pure and deterministic; paise.
 */
export function analyticsReport(input: AnalyticsReportInput): AnalyticsReport {
  const day = (t: AnalyticsTrade) => t.exitAt.slice(0, 10);
  const trades = input.trades.filter((t) => (input.from === null || day(t) >= input.from) && (input.to === null || day(t) <= input.to));
  const accounts = [...new Set([...trades.map((t) => t.accountId), ...Object.keys(input.capitalByAccount)])].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const capital = (id: string) => input.capitalByAccount[id] ?? 0;
  const combined = equityCurve({ accountId: 'ALL', startingCapitalPaise: accounts.reduce((s, id) => s + capital(id), 0), trades });
  const perAccount = accounts.map((id) => equityCurve({ accountId: id, startingCapitalPaise: capital(id), trades: trades.filter((t) => t.accountId === id) }));
  return {
    from: input.from,
    to: input.to,
    kpis: { ...tradeFigures(trades), maxDrawdownPaise: combined.maxDrawdownPaise, maxDrawdownPct: combined.maxDrawdownPct },
    equity: [combined, ...perAccount],
    daily: dailyPnl(trades),
    byStrategy: breakdown(trades, (t) => t.strategy),
    byExitReason: breakdown(trades, (t) => t.exitReason),
    byWeekday: breakdown(trades, (t) => WEEKDAYS[isoWeekday(day(t)) - 1], WEEKDAYS),
    byVixBand: breakdown(trades, (t) => bandOf(VIX_BANDS, t.vixAtEntry), bandOrder(VIX_BANDS)),
    byDaysToExpiry: breakdown(trades, (t) => bandOf(DTE_BUCKETS, t.daysToExpiryAtEntry), bandOrder(DTE_BUCKETS)),
    targets: targetsProgress(trades, input.targets),
  };
}
