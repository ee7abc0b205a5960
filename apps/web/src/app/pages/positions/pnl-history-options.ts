import type { PositionMarkResponse } from '@mcube/contracts';
import type { EChartsCoreOption } from 'echarts/core';

const RUPEES = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
const IST_TIME = new Intl.DateTimeFormat('en-IN', { timeZone: 'Asia/Kolkata', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });

/** The ECharts option of a position's P&L history (net = realised + unrealised, rupees) with spot on a second axis. */
export function pnlHistoryOptions(marks: readonly PositionMarkResponse[]): EChartsCoreOption {
  const hasSpot = marks.some((m) => m.spot !== null);
  return {
    animation: false,
    grid: { left: 70, right: hasSpot ? 60 : 20, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: (v: number) => IST_TIME.format(v) } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => RUPEES.format(v) } },
      ...(hasSpot ? [{ type: 'value', scale: true, splitLine: { show: false } }] : []),
    ],
    series: [
      { name: 'Net P&L', type: 'line', showSymbol: false, data: marks.map((m) => [m.atMs, (m.realizedPnlPaise + m.unrealizedPnlPaise) / 100]), itemStyle: { color: '#0d6efd' } },
      ...(hasSpot ? [{ name: 'Spot', type: 'line', yAxisIndex: 1, showSymbol: false, data: marks.map((m) => [m.atMs, m.spot]), itemStyle: { color: '#adb5bd' } }] : []),
    ],
  };
}
