import { formatPaise, type IsoDate } from '@mcube/domain';
import { escapeHtml } from '../../alerts/channels/telegram-alert.channel';
import type { DailyReport } from '../entities/daily-report.entity';
import type { PnlChartSeries } from './pnl-chart';

/** Everything the digest shows, gathered from stored data. */
export interface DigestInput {
  date: IsoDate;
  accounts: { name: string; report: DailyReport | null }[];
  trades: { accountName: string; strategy: string; underlying: string; pnlPaise: number; exitReason: string | null }[];
  /** The next trading day; null past the calendar's horizon. */
  tomorrow: IsoDate | null;
  tomorrowExpiries: string[];
  events: { title: string; importance: string; time: string | null }[];
  chart: { dates: string[]; series: PnlChartSeries[] };
}

const pct = (part: number, whole: number | null) => (whole && whole > 0 ? `${((100 * part) / whole).toFixed(0)}%` : 'n/a');
const money = (p: number | null) => (p === null ? 'not set' : formatPaise(p));

/** The digest as Telegram HTML and plain text, the same lines in both. Pure. */
export function digestLines(d: DigestInput): { html: string; text: string } {
  const lines: { html: string; text: string }[] = [];
  const add = (text: string, bold = false) => lines.push({ text, html: bold ? `<b>${escapeHtml(text)}</b>` : escapeHtml(text) });
  add(`Daily report ${d.date}`, true);
  for (const a of d.accounts) {
    add('');
    add(a.name, true);
    const r = a.report;
    if (!r) {
      add('No report stored for this day.');
      continue;
    }
    add(`P&L ${formatPaise(r.netPnlPaise)} net (realised ${formatPaise(r.realizedPnlPaise)}, charges ${formatPaise(r.chargesPaise)}, open ${formatPaise(r.unrealizedPnlPaise)}); ${r.positionsClosed} closed, ${r.fillsCount} fills`);
    add(`Risk: daily loss limit ${money(r.dailyLossLimitPaise)} (${pct(Math.max(0, -r.netPnlPaise), r.dailyLossLimitPaise)} used), weekly ${money(r.weeklyLossLimitPaise)} (${pct(Math.max(0, -r.weekNetPnlPaise), r.weeklyLossLimitPaise)} used)`);
    add(`Targets: week ${formatPaise(r.weekNetPnlPaise)} of ${money(r.weeklyProfitTargetPaise)} (${pct(r.weekNetPnlPaise, r.weeklyProfitTargetPaise)}), month ${formatPaise(r.monthNetPnlPaise)} of ${money(r.monthlyProfitTargetPaise)} (${pct(r.monthNetPnlPaise, r.monthlyProfitTargetPaise)})`);
  }
  add('');
  add('By strategy', true);
  const byStrategy = new Map<string, number>();
  for (const t of d.trades) byStrategy.set(t.strategy, (byStrategy.get(t.strategy) ?? 0) + t.pnlPaise);
  if (byStrategy.size === 0) add('No trade closed today.');
  for (const [strategy, pnl] of byStrategy) add(`${strategy}: ${formatPaise(pnl)} realised`);
  add('');
  add('Trades and exit reasons', true);
  if (d.trades.length === 0) add('None.');
  for (const t of d.trades) add(`${t.accountName} · ${t.underlying} ${t.strategy}: ${formatPaise(t.pnlPaise)} (${t.exitReason ?? 'no reason recorded'})`);
  add('');
  add('Tomorrow', true);
  if (!d.tomorrow) add('Next trading day unknown: the NSE calendar ends before it (enter next year’s holidays).');
  else {
    add(`${d.tomorrow}: ${d.tomorrowExpiries.length > 0 ? `expiry (${d.tomorrowExpiries.join(', ')})` : 'no weekly expiry'}`);
    if (d.events.length === 0) add('No economic event stored.');
    for (const e of d.events) add(`${e.time ?? '--:--'} ${e.importance} ${e.title}`);
  }
  return { html: lines.map((l) => l.html).join('\n'), text: lines.map((l) => l.text).join('\n') };
}
