import { addDays, isoWeekday, type IsoDate, type RiskPnlFacts } from '@mcube/domain';
import type { DailyPnl } from '../../analytics/entities/daily-pnl.entity';
import type { Position } from '../../positions/entities/position.entity';

/** Inputs of `riskPnlFacts`. */
export interface RiskPnlInput {
  readonly date: IsoDate;
  readonly rows: readonly DailyPnl[];
  readonly allocatedCapitalPaise: number;
  readonly activePosition: Position | null;
}

/**
 * P&L facts for the risk checks from the stored daily P&L rows plus the active position's
 * realised and mark-to-market P&L (not yet in a daily row): today, this ISO week (Monday
 * on), this calendar month, current equity and its peak (never below allocated capital).
 * Pure; amounts in paise.
 */
export function riskPnlFacts(input: RiskPnlInput): RiskPnlFacts {
  const { date, rows, activePosition } = input;
  const weekStart = addDays(date, 1 - isoWeekday(date));
  const month = date.slice(0, 7);
  const open = activePosition ? activePosition.realizedPnlPaise + activePosition.unrealizedPnlPaise : 0;
  let today = 0;
  let week = 0;
  let monthSum = 0;
  let total = 0;
  let peak = input.allocatedCapitalPaise;
  for (const r of rows) {
    total += r.netPnlPaise;
    if (r.tradeDate === date) today += r.netPnlPaise;
    if (r.tradeDate >= weekStart && r.tradeDate <= date) week += r.netPnlPaise;
    if (r.tradeDate.startsWith(month)) monthSum += r.netPnlPaise;
    peak = Math.max(peak, r.peakEquityPaise);
  }
  const equity = input.allocatedCapitalPaise + total + open;
  return { todayPaise: today + open, weekPaise: week + open, monthPaise: monthSum + open, equityPeakPaise: Math.max(peak, equity), equityPaise: equity };
}
