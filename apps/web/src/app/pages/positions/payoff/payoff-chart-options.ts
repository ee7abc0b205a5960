import type { EChartsCoreOption } from 'echarts/core';
import type { PayoffPoint } from './payoff';

/** What the payoff chart draws. Rupees; prices in index points. */
export interface PayoffChartInput {
  expiry: readonly PayoffPoint[];
  today: readonly PayoffPoint[] | null;
  spot: number | null;
  breakevens: readonly number[];
}

const RUPEES = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });

/** The ECharts option of the payoff diagram: expiry and today curves, spot and breakevens marked. */
export function payoffChartOptions(input: PayoffChartInput): EChartsCoreOption {
  const marks = [
    ...(input.spot !== null ? [{ xAxis: input.spot, name: 'Spot', lineStyle: { color: '#0d6efd', type: 'solid' }, label: { position: 'insideEndTop', formatter: `Spot ${input.spot}` } }] : []),
    ...input.breakevens.map((b) => ({ xAxis: b, name: 'Breakeven', lineStyle: { color: '#dc3545', type: 'dashed' }, label: { position: 'insideStartTop', formatter: `BE ${b}` } })),
  ];
  return {
    animation: false,
    grid: { left: 70, right: 20, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? RUPEES.format(v) : String(v)) },
    xAxis: { type: 'value', scale: true, name: 'Underlying', nameLocation: 'middle', nameGap: 25 },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => RUPEES.format(v) }, splitLine: { lineStyle: { type: 'dotted' } } },
    series: [
      {
        name: 'At expiry',
        type: 'line',
        showSymbol: false,
        data: input.expiry.map((p) => [p.price, Math.round(p.pnl)]),
        itemStyle: { color: '#212529' },
        lineStyle: { width: 2 },
        markLine: { symbol: 'none', silent: true, data: [{ yAxis: 0, lineStyle: { color: '#adb5bd', type: 'solid' }, label: { show: false } }, ...marks] },
      },
      ...(input.today
        ? [{ name: 'Today', type: 'line', showSymbol: false, data: input.today.map((p) => [p.price, Math.round(p.pnl)]), itemStyle: { color: '#198754' }, lineStyle: { width: 2, type: 'dashed' } }]
        : []),
    ],
  };
}
