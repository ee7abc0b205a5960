import { formatPaise } from '@mcube/domain';
import type { DailyReport } from '../entities/daily-report.entity';

type ReportFigures = Omit<DailyReport, 'id' | 'account' | 'accountId' | 'tradeDate' | 'createdAt' | 'updatedAt' | 'generatedAt'>;

function percentOf(part: number, whole: number | null): string {
  return whole && whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

/** The message of the report's INFO alert: figures in rupees, limits as the share used. Pure. */
export function dailyReportMessage(r: ReportFigures): string {
  const lossToday = Math.max(0, -r.netPnlPaise);
  const lossWeek = Math.max(0, -r.weekNetPnlPaise);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${plural(r.positionsClosed, 'position')} closed, ${plural(r.fillsCount, 'fill')}.`,
    `Realised ${formatPaise(r.realizedPnlPaise)} gross, charges ${formatPaise(r.chargesPaise)}, open ${formatPaise(r.unrealizedPnlPaise)}: net ${formatPaise(r.netPnlPaise)}.`,
    `Daily loss limit ${r.dailyLossLimitPaise === null ? 'not set' : `${formatPaise(r.dailyLossLimitPaise)}, ${percentOf(lossToday, r.dailyLossLimitPaise)} used`}` +
      `; weekly loss limit ${r.weeklyLossLimitPaise === null ? 'not set' : `${formatPaise(r.weeklyLossLimitPaise)}, ${percentOf(lossWeek, r.weeklyLossLimitPaise)} used`}.`,
    `Week ${formatPaise(r.weekNetPnlPaise)} (target ${r.weeklyProfitTargetPaise === null ? 'not set' : `${formatPaise(r.weeklyProfitTargetPaise)}, ${percentOf(r.weekNetPnlPaise, r.weeklyProfitTargetPaise)}`}),` +
      ` month ${formatPaise(r.monthNetPnlPaise)} (target ${r.monthlyProfitTargetPaise === null ? 'not set' : `${formatPaise(r.monthlyProfitTargetPaise)}, ${percentOf(r.monthNetPnlPaise, r.monthlyProfitTargetPaise)}`}).`,
  ].join(' ');
}
