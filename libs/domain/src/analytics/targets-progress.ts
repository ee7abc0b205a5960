import { addDays, isoWeekday, type IsoDate } from '../time/ist-date';
import type { AnalyticsTrade, TargetProgressRow, TargetsProgress } from './analytics.types';

/** The Monday of the ISO week of `date`. */
export const weekStartOf = (date: IsoDate): IsoDate => addDays(date, 1 - isoWeekday(date));
/** The 1st of the month of `date`. */
export const monthStartOf = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01`;

function rows(trades: readonly AnalyticsTrade[], startOf: (d: IsoDate) => IsoDate, targetPaise: number | null): TargetProgressRow[] {
  const net = new Map<string, number>();
  for (const t of trades) {
    const start = startOf(t.exitAt.slice(0, 10));
    net.set(start, (net.get(start) ?? 0) + t.netPnlPaise);
  }
  return [...net.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([periodStart, netPnlPaise]) => ({ periodStart, netPnlPaise, progressFraction: targetPaise && targetPaise > 0 ? netPnlPaise / targetPaise : null }));
}

/**
 * Net P&L of each ISO week and calendar month with a closed trade (by exit date), against the
 * weekly and monthly profit targets (null or 0: no target, no progress).
 */
export function targetsProgress(trades: readonly AnalyticsTrade[], targets: { readonly weeklyPaise: number | null; readonly monthlyPaise: number | null }): TargetsProgress {
  return {
    weeklyTargetPaise: targets.weeklyPaise,
    monthlyTargetPaise: targets.monthlyPaise,
    weeks: rows(trades, weekStartOf, targets.weeklyPaise),
    months: rows(trades, monthStartOf, targets.monthlyPaise),
  };
}
