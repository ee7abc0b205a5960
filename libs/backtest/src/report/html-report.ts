import { equityChartSvg, exitReasonChartSvg, monthlyChartSvg, vixScatterSvg } from './charts';
import { num, pct, rupees } from './format';
import type { BacktestReport } from './report.types';

const esc = (s: unknown) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
const table = (head: readonly string[], rows: readonly (readonly unknown[])[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** A self-contained HTML page of a report: figures, charts (inline SVG), the trade list with legs, data notes. */
export function htmlReport(report: BacktestReport): string {
  const s = report.summary;
  const figures: [string, string][] = [
    ['Trades', String(s.trades)],
    ['Win rate', pct(s.winRate)],
    ['Profit factor', num(s.profitFactor)],
    ['Net P&L', rupees(s.netPnlPaise)],
    ['Gross P&L', rupees(s.grossPnlPaise)],
    ['Charges', rupees(s.chargesPaise)],
    ['Max drawdown', `${rupees(s.maxDrawdownPaise)} (${s.maxDrawdownPct.toFixed(2)}%)`],
    ['Worst week', rupees(s.worstWeekPaise)],
    ['Best / worst month', `${rupees(s.bestMonthPaise)} / ${rupees(s.worstMonthPaise)}`],
    ['Sharpe / Sortino', `${num(s.sharpe)} / ${num(s.sortino)}`],
    ['Fills REAL / MODELLED', `${s.fills.real} / ${s.fills.modelled}`],
  ];
  const trades = report.trades.map((t) => [t.entryAt, t.exitAt, t.legs.map((l) => `${l.side} ${l.quantity} ${l.instrument} ${l.entryPrice}→${l.exitPrice ?? '-'} (${l.priceSource})`).join('; '), rupees(t.grossPnlPaise), rupees(t.chargesPaise), rupees(t.netPnlPaise), t.exitReason]);
  const notes = (report.data.modelled as string[] | undefined) ?? [];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backtest ${esc(report.strategy)} ${esc(report.period.from)} – ${esc(report.period.to)}</title>
<style>body{font-family:sans-serif;margin:24px;max-width:1100px}table{border-collapse:collapse;font-size:12px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}th{background:#f3f3f3}</style></head><body>
<h1>Backtest: ${esc(report.strategy)}, ${esc(report.period.from)} – ${esc(report.period.to)}</h1>
${table(['Figure', 'Value'], figures)}
${equityChartSvg(report)}
${monthlyChartSvg(report)}
${exitReasonChartSvg(report)}
${vixScatterSvg(report)}
<h2>What was modelled</h2><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<h2>Trades</h2>${table(['Entry', 'Exit', 'Legs', 'Gross', 'Charges', 'Net', 'Exit reason'], trades)}
<p>Engine ${esc(report.version.engine)}, report schema ${esc(report.version.schema)}.</p>
</body></html>
`;
}
