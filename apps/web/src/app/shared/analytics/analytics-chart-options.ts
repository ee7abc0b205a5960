import type { AnalyticsReport, BreakdownRow, DailyPnlPoint, EquityCurve } from '@mcube/contracts';
import type { EChartsCoreOption } from 'echarts/core';

const RUPEES = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
const IST_DAY = new Intl.DateTimeFormat('en-IN', { timeZone: 'Asia/Kolkata', day: '2-digit', month: 'short' });
const COLORS = ['#0d6efd', '#6f42c1', '#fd7e14', '#20c997', '#d63384'];

/** IST wall time 'YYYY-MM-DDTHH:MM' as epoch ms (the time axis). */
export function istMs(at: string): number {
  return Date.parse(`${at}:00+05:30`);
}

const rupees = (paise: number) => paise / 100;
const curveName = (c: EquityCurve) => (c.accountId === 'ALL' ? 'Combined' : `Account ${c.accountId}`);

/**
 * Cumulative net P&L (₹, equity minus the starting capital, so a month's P&L is not flattened
 * by crores of capital) of the combined curve and each account on top; the combined drawdown
 * from the peak (₹) underneath.
 */
export function equityOptions(report: AnalyticsReport, narrow = false): EChartsCoreOption {
  const combined = report.equity.find((c) => c.accountId === 'ALL');
  const perAccount = report.equity.filter((c) => c.accountId !== 'ALL');
  return {
    animation: false,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 8, right: 12, top: narrow ? 52 : 36, height: '50%', containLabel: true },
      { left: 8, right: 12, top: '72%', bottom: 8, containLabel: true },
    ],
    xAxis: [
      { type: 'time', gridIndex: 0, axisLabel: { show: false } },
      { type: 'time', gridIndex: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => IST_DAY.format(v) } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, scale: true, axisLabel: { formatter: (v: number) => RUPEES.format(v) } },
      // Whole rupees, and at least ₹100 deep: a run that never fell from its peak (all zero) would
      // otherwise get a 0…1 axis whose fractional ticks read "₹1" when rounded.
      { type: 'value', gridIndex: 1, max: 0, min: (e: { min: number }) => Math.min(e.min, -100), minInterval: 1, name: 'Drawdown', nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => RUPEES.format(v) } },
    ],
    series: [
      ...[...(combined ? [combined] : []), ...(perAccount.length > 1 ? perAccount : [])].map((c, i) => ({
        name: `${curveName(c)} P&L`,
        type: 'line',
        step: 'end',
        showSymbol: false,
        xAxisIndex: 0,
        yAxisIndex: 0,
        itemStyle: { color: COLORS[i % COLORS.length] },
        data: [...(c.points.length > 0 ? [[istMs(c.points[0].at) - 60_000, 0]] : []), ...c.points.map((p) => [istMs(p.at), rupees(p.equityPaise - c.startingCapitalPaise)])],
      })),
      ...(combined
        ? [{ name: 'Drawdown', type: 'line', step: 'end', showSymbol: false, xAxisIndex: 1, yAxisIndex: 1, areaStyle: { color: 'rgba(220,53,69,0.25)' }, itemStyle: { color: '#dc3545' }, data: combined.points.map((p) => [istMs(p.at), rupees(p.drawdownPaise)]) }]
        : []),
    ],
  };
}

/** The daily net P&L (₹) on a calendar: red losses, green profits. */
export function calendarOptions(daily: readonly DailyPnlPoint[], narrow: boolean): EChartsCoreOption {
  const first = daily[0]?.date;
  const last = daily[daily.length - 1]?.date;
  const extreme = Math.max(1, ...daily.map((d) => Math.abs(rupees(d.netPnlPaise))));
  return {
    animation: false,
    tooltip: { formatter: (p: { value: [string, number] }) => `${p.value[0]}: ${RUPEES.format(p.value[1])}` },
    visualMap: { min: -extreme, max: extreme, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#dc3545', '#f8f9fa', '#198754'] }, formatter: (v: number) => RUPEES.format(v) },
    calendar: { range: first && last ? [first, last] : [], orient: narrow ? 'vertical' : 'horizontal', cellSize: narrow ? [36, 'auto'] : ['auto', 22], top: narrow ? 30 : 40, left: 40, right: 20, bottom: 50, yearLabel: { show: false }, dayLabel: { firstDay: 1 } },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: daily.map((d) => [d.date, rupees(d.netPnlPaise)]) }],
  };
}

/** Net P&L (₹) of each row as a bar, green or red, with the trade count in the label. */
export function breakdownOptions(rows: readonly BreakdownRow[], narrow = false): EChartsCoreOption {
  const long = rows.length > 4 || rows.some((r) => r.key.length > 12);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 12, top: 10, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `${r.key} (${r.trades})`), axisLabel: { interval: 0, rotate: narrow || long ? 30 : 0, fontSize: narrow ? 9 : 12 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => RUPEES.format(v) } },
    series: [{ type: 'bar', name: 'Net P&L', data: rows.map((r) => ({ value: rupees(r.netPnlPaise), itemStyle: { color: r.netPnlPaise >= 0 ? '#198754' : '#dc3545' } })) }],
  };
}
