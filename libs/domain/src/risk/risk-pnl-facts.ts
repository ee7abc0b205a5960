import type { Paise } from '../money/paise';
import { addDays, isoWeekday, type IsoDate } from '../time/ist-date';
import type { RiskPnlFacts } from './risk-context';

/** Inputs of {@link riskPnlFacts}. */
export interface RiskPnlInput {
  /** Today, IST. */
  readonly date: IsoDate;
  /** The account's stored day rows (`dailyPnlValues`): net P&L of the positions closed that day and the equity peak then. */
  readonly rows: readonly { readonly tradeDate: IsoDate; readonly netPnlPaise: Paise; readonly peakEquityPaise: Paise }[];
  readonly allocatedCapitalPaise: Paise;
  /** The active position's realised (net) and unrealised P&L, or null. */
  readonly activePosition: { readonly realizedPnlPaise: Paise; readonly unrealizedPnlPaise: Paise } | null;
}

/**
 * P&L facts for the risk checks and the breaker from the stored day rows plus the active
 * position's realised and mark-to-market P&L (not yet in a row): today, this ISO week (Monday
 * on), this calendar month, current equity and its peak (never below allocated capital).
 * The WHOLE open P&L of the active position counts in today's figure, whenever it was made
 * (see the positions README). The API's `riskPnlFacts`, moved here unchanged. Pure; paise.
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
