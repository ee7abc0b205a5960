import type * as ResvgModule from '@resvg/resvg-js';
import type * as EchartsModule from 'echarts';

/**
 * ECharts and resvg, loaded on the first chart: a report renders one a day, and loading them
 * at every boot was a good part of the API's cold start (issue 21).
 */
function chartLibraries(): { echarts: typeof EchartsModule; Resvg: typeof ResvgModule.Resvg } {
  const echarts = require('echarts') as typeof EchartsModule;
  const { Resvg } = require('@resvg/resvg-js') as typeof ResvgModule;
  return { echarts, Resvg };
}

/** One account's daily net P&L (paise) over the chart's dates. */
export interface PnlChartSeries {
  name: string;
  dailyNetPaise: readonly number[];
}

/**
 * The daily report's chart, rendered on the server: ECharts' server-side SVG renderer (no
 * DOM), converted to PNG by resvg. Bars are each account's daily net P&L in rupees, lines its
 * cumulative P&L (the equity curve from the first date). Deterministic for the same input.
 */
export function renderPnlChartPng(input: { title: string; dates: readonly string[]; series: readonly PnlChartSeries[] }): Uint8Array {
  const { echarts, Resvg } = chartLibraries();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 420 });
  try {
    const rupees = (paise: number) => Math.round(paise) / 100;
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: { text: input.title, left: 'center', textStyle: { fontSize: 15 } },
      legend: { bottom: 0 },
      grid: { left: 80, right: 30, top: 50, bottom: 60 },
      xAxis: { type: 'category', data: input.dates.map((d) => d.slice(5)) },
      yAxis: { type: 'value', name: '₹', axisLabel: { formatter: (v: number) => (Math.abs(v) >= 1e5 ? `${(v / 1e5).toFixed(1)}L` : String(v)) } },
      series: input.series.flatMap((s) => {
        let sum = 0;
        const cumulative = s.dailyNetPaise.map((p) => rupees((sum += p)));
        return [
          { name: `${s.name} daily`, type: 'bar', data: s.dailyNetPaise.map(rupees) },
          { name: `${s.name} cumulative`, type: 'line', data: cumulative, symbol: 'circle' },
        ];
      }),
    });
    const svg = chart.renderToSVGString();
    return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng();
  } finally {
    chart.dispose();
  }
}
