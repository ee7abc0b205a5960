import { addDays, isoWeekday, type IsoDate, type RiskPnlFacts } from '@mcube/domain';
import type { DailyPnlDay } from '../../analytics/daily-pnl/daily-pnl-history';
import type { ActivePositionFacts } from '../ports/risk-positions.port';

/** Inputs of `riskPnlFacts`. */
export interface RiskPnlInput {
  readonly date: IsoDate;
  readonly rows: readonly DailyPnlDay[];
  readonly allocatedCapitalPaise: number;
  /** The ACTIVE position's realised and mark-to-market P&L (paise), or null when there is none. */
  readonly activePosition: Pick<ActivePositionFacts, 'realizedPnlPaise' | 'unrealizedPnlPaise'> | null;
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
