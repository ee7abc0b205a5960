import type { EChartsCoreOption } from 'echarts/core';
import type { PayoffPoint } from './payoff';
import type { SigmaBands } from './sigma-bands';

/** What the payoff chart draws. Rupees; prices in index points. */
export interface PayoffChartInput {
  expiry: readonly PayoffPoint[];
  today: readonly PayoffPoint[] | null;
  spot: number | null;
  breakevens: readonly number[];
  /** ±1σ / ±2σ settlement bands at expiry (shaded); null when unknown. */
  bands?: SigmaBands | null;
  /** Lowest P&L on the axis (keeps the profit plateau readable); undefined to fit the curve. */
  yMin?: number;
}

const RUPEES = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
const POINTS = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });

/**
 * The ECharts option of the payoff diagram: the expiry curve with profit (green) and loss (red)
 * shading, the today curve, zero, spot (Indian grouping) and breakevens marked, and the ±1σ /
 * ±2σ bands of where expiry is likely to settle.
 */
export function payoffChartOptions(input: PayoffChartInput): EChartsCoreOption {
  const marks = [
    ...(input.spot !== null ? [{ xAxis: input.spot, name: 'Spot', lineStyle: { color: '#0a58ca', type: 'solid' }, label: { position: 'insideEndTop', color: '#0a58ca', formatter: `Spot ${POINTS.format(input.spot)}` } }] : []),
    ...input.breakevens.map((b) => ({ xAxis: b, name: 'Breakeven', lineStyle: { color: '#b02a37', type: 'dashed' }, label: { position: 'insideStartTop', color: '#b02a37', formatter: `BE ${POINTS.format(b)}` } })),
  ];
  const b = input.bands;
  const bandAreas = b
    ? [
        [{ xAxis: b.twoLow, name: '±2σ', itemStyle: { color: 'rgba(13,110,253,0.05)' }, label: { position: 'insideTopLeft', color: '#495057' } }, { xAxis: b.twoHigh }],
        [{ xAxis: b.oneLow, name: '±1σ', itemStyle: { color: 'rgba(13,110,253,0.09)' }, label: { position: 'insideTopLeft', color: '#495057' } }, { xAxis: b.oneHigh }],
      ]
    : [];
  const area = (name: string, pick: (pnl: number) => number, color: string) => ({
    name,
    type: 'line',
    showSymbol: false,
    silent: true,
    tooltip: { show: false },
    data: input.expiry.map((p) => [p.price, Math.round(pick(p.pnl))]),
    lineStyle: { width: 0 },
    itemStyle: { color },
    areaStyle: { color, opacity: 0.18 },
  });
  return {
    animation: false,
    grid: { left: 70, right: 16, top: 40, bottom: 40 },
    legend: { top: 0, data: ['At expiry', ...(input.today ? ['Today'] : [])] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? RUPEES.format(v) : String(v)) },
    xAxis: { type: 'value', scale: true, name: 'Underlying', nameLocation: 'middle', nameGap: 25, axisLabel: { formatter: (v: number) => POINTS.format(v), hideOverlap: true } },
    yAxis: { type: 'value', min: input.yMin, axisLabel: { formatter: (v: number) => RUPEES.format(v) }, splitLine: { lineStyle: { type: 'dotted' } } },
    series: [
      {
        name: 'At expiry',
        type: 'line',
        showSymbol: false,
        data: input.expiry.map((p) => [p.price, Math.round(p.pnl)]),
        itemStyle: { color: '#212529' },
        lineStyle: { width: 2 },
        markLine: { symbol: 'none', silent: true, data: [{ yAxis: 0, lineStyle: { color: '#adb5bd', type: 'solid' }, label: { show: false } }, ...marks] },
        ...(bandAreas.length > 0 ? { markArea: { silent: true, data: bandAreas } } : {}),
      },
      ...(input.today
        ? [{ name: 'Today', type: 'line', showSymbol: false, data: input.today.map((p) => [p.price, Math.round(p.pnl)]), itemStyle: { color: '#146c43' }, lineStyle: { width: 2, type: 'dashed' } }]
        : []),
      area('Profit zone', (v) => Math.max(v, 0), '#198754'),
      area('Loss zone', (v) => Math.min(v, 0), '#dc3545'),
    ],
  };
}
