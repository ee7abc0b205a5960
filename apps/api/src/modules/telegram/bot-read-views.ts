import type { AccountSummaryResponse } from '@mcube/contracts';
import { formatPaise, istDateTimeOf } from '@mcube/domain';
import { escapeHtml } from '../alerts/channels/telegram-alert.channel';
import type { PendingApproval } from '../strategies/approvals/approvals.port';

const pct = (part: number, whole: number | null) => (whole && whole > 0 ? `${Math.round((100 * part) / whole)}%` : 'n/a');
const limit = (paise: number | null) => (paise === null ? 'not set' : formatPaise(paise));

/** /status: trading state, breaker and today's P&L against the daily loss limit, per account. Pure. */
export function statusView(summaries: readonly AccountSummaryResponse[]): string {
  if (summaries.length === 0) return 'No trading account.';
  return summaries
    .map((s) => {
      const loss = Math.max(0, -s.pnl.today.netPaise);
      const lines = [
        `<b>${escapeHtml(s.name)}</b> (${s.broker}${s.isPaperTrading ? ', paper' : ', LIVE'})`,
        `State ${s.tradingState}${s.isActive ? '' : ' · deactivated'}${s.breaker.tripped ? ` · breaker tripped: ${escapeHtml(s.breaker.reason ?? '')}` : ''}`,
        `Today ${formatPaise(s.pnl.today.netPaise)} · daily loss limit ${limit(s.limits.dailyLossLimitPaise)} (${pct(loss, s.limits.dailyLossLimitPaise)} used)`,
        s.activePositionId === null ? 'No open position' : `Position #${s.activePositionId}${s.netDelta === null ? '' : ` · net delta ${Math.round(s.netDelta)} (±${s.deltaThreshold})`}`,
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}

/** /pnl: today, week and month against the targets and loss limits, per account. Pure. */
export function pnlView(summaries: readonly AccountSummaryResponse[]): string {
  if (summaries.length === 0) return 'No trading account.';
  return summaries
    .map((s) =>
      [
        `<b>${escapeHtml(s.name)}</b>`,
        `Today ${formatPaise(s.pnl.today.netPaise)} (realised ${formatPaise(s.pnl.today.realizedPaise)}, open ${formatPaise(s.pnl.today.unrealizedPaise)})`,
        `Week ${formatPaise(s.pnl.week.netPaise)} · target ${limit(s.limits.weeklyProfitTargetPaise)} (${pct(s.pnl.week.netPaise, s.limits.weeklyProfitTargetPaise)}) · loss limit ${limit(s.limits.weeklyLossLimitPaise)}`,
        `Month ${formatPaise(s.pnl.month.netPaise)} · target ${limit(s.limits.monthlyProfitTargetPaise)} (${pct(s.pnl.month.netPaise, s.limits.monthlyProfitTargetPaise)})`,
      ].join('\n'),
    )
    .join('\n\n');
}

/** One open position as /positions lists it. */
export interface PositionLine {
  id: number;
  accountName: string;
  underlying: string;
  expiryDate: string;
  direction: string;
  callStrike: number | null;
  putStrike: number | null;
  quantity: number;
  pnlPaise: number;
}

/** /positions. Pure. */
export function positionsView(positions: readonly PositionLine[]): string {
  if (positions.length === 0) return 'No open position.';
  return positions
    .map((p) => {
      const strikes = [p.callStrike !== null ? `${p.callStrike} CE` : null, p.putStrike !== null ? `${p.putStrike} PE` : null].filter(Boolean).join(' / ');
      return `#${p.id} <b>${escapeHtml(p.accountName)}</b>: ${p.direction} ${escapeHtml(p.underlying)} ${strikes} exp ${p.expiryDate} ×${p.quantity} · P&amp;L ${formatPaise(p.pnlPaise)}`;
    })
    .join('\n');
}

/** One order as /orders lists it. */
export interface OrderLine {
  id: number;
  side: string;
  quantity: number;
  filledQuantity: number;
  tradingSymbol: string;
  status: string;
  purpose: string;
  createdAtMs: number;
}

/** /orders: the latest orders, newest first. Pure. */
export function ordersView(orders: readonly OrderLine[]): string {
  if (orders.length === 0) return 'No order yet.';
  return orders
    .map((o) => `#${o.id} ${o.side} ${o.filledQuantity}/${o.quantity} ${escapeHtml(o.tradingSymbol)} · ${o.status} (${o.purpose}) · ${istDateTimeOf(o.createdAtMs).time.slice(0, 5)}`)
    .join('\n');
}

/** An approval card's text. Pure. */
export function approvalView(a: PendingApproval): string {
  const { date, time } = istDateTimeOf(a.expiresAtMs);
  return `🟡 <b>Approval needed</b> · ${escapeHtml(a.id)}\n<b>${escapeHtml(a.title)}</b>\n${escapeHtml(a.summary)}\n<i>Expires ${date} ${time.slice(0, 5)} IST</i>`;
}

/** /help. */
export const HELP_TEXT = [
  '<b>mCube commands</b>',
  '/status: trading state, breakers, P&amp;L today vs limits',
  '/positions: open positions',
  '/pnl: today, week, month vs targets',
  '/orders: latest orders',
  '/approvals: pending approvals (with buttons)',
  '/approve &lt;id&gt;, /reject &lt;id&gt; &lt;reason&gt; (trader)',
  '/kill &lt;reason&gt;: HALT every account (trader, confirm)',
  '/reduce: only reducing orders (trader, confirm)',
  '/resume: back to ACTIVE (admin, confirm)',
  '/report: the latest daily report',
  "/icici: the ICICI day session and login link; /icici &lt;key&gt; enters the day's session key (trader; the message is deleted)",
].join('\n');
