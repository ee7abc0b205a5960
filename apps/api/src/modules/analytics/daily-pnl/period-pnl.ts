import { addDays, isoWeekday, type IsoDate } from '@mcube/domain';
import type { PeriodPnl } from '@mcube/contracts';

/** Today's, this ISO week's (Monday on) and this calendar month's P&L. */
export interface PeriodPnls {
  readonly today: PeriodPnl;
  readonly week: PeriodPnl;
  readonly month: PeriodPnl;
}

/** The first day of the ISO week and of the month of `date` (the periods the limits and targets use). */
export function periodStarts(date: IsoDate): { weekStart: IsoDate; monthStart: IsoDate } {
  return { weekStart: addDays(date, 1 - isoWeekday(date)), monthStart: `${date.slice(0, 7)}-01` };
}

/**
 * Period P&L for the dashboard with the same periods and sums as the risk checks
 * (`riskPnlFacts`): realised = the stored day rows' net (positions closed, net of charges),
 * unrealised = the active position's open P&L (realised part of partial exits + mark), which
 * counts in every period. Rows after `date` are ignored. Pure; paise.
 */
export function periodPnlOf(input: {
  readonly date: IsoDate;
  readonly rows: readonly { readonly tradeDate: IsoDate; readonly netPnlPaise: number }[];
  readonly openPnlPaise: number;
}): PeriodPnls {
  const { weekStart, monthStart } = periodStarts(input.date);
  const sum = (from: IsoDate) => input.rows.filter((r) => r.tradeDate >= from && r.tradeDate <= input.date).reduce((s, r) => s + r.netPnlPaise, 0);
  const period = (realizedPaise: number): PeriodPnl => ({ realizedPaise, unrealizedPaise: input.openPnlPaise, netPaise: realizedPaise + input.openPnlPaise });
  return { today: period(sum(input.date)), week: period(sum(weekStart)), month: period(sum(monthStart)) };
}
