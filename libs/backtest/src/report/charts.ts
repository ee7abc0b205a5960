import * as echarts from 'echarts';
import type { BacktestReport } from './report.types';

const LAKH_PAISE = 1_00_000 * 100;
const lakh = (paise: number) => Math.round((paise / LAKH_PAISE) * 100) / 100;

/** Renders an ECharts option to an SVG string on the server (no DOM, no animation). */
export function renderSvg(option: echarts.EChartsOption, width = 960, height = 420): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: 'sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Equity (₹ lakh) with the drawdown from the running peak underneath. */
export function equityChartSvg(report: BacktestReport): string {
  const dates = report.equity.map((p) => p.date);
  return renderSvg(
    {
      title: { text: 'Equity and drawdown (₹ lakh, daily close)', left: 'center', textStyle: { fontSize: 14 } },
      grid: [
        { left: 70, right: 30, top: 40, height: '50%' },
        { left: 70, right: 30, top: '68%', height: '22%' },
      ],
      xAxis: [
        { type: 'category', data: dates, gridIndex: 0, axisLabel: { show: false } },
        { type: 'category', data: dates, gridIndex: 1 },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, scale: true, name: 'equity' },
        { type: 'value', gridIndex: 1, name: 'drawdown', inverse: true },
      ],
      series: [
        { type: 'line', data: report.equity.map((p) => lakh(p.equityPaise)), showSymbol: false, lineStyle: { width: 1 }, xAxisIndex: 0, yAxisIndex: 0 },
        { type: 'line', data: report.equity.map((p) => lakh(p.drawdownPaise)), showSymbol: false, areaStyle: { color: '#e57373' }, lineStyle: { width: 0.5, color: '#c62828' }, xAxisIndex: 1, yAxisIndex: 1 },
      ],
    },
    960,
    460,
  );
}

/** Monthly net P&L (bars) against the monthly target (line), ₹ lakh. */
export function monthlyChartSvg(report: BacktestReport): string {
  const months = report.summary.monthly;
  return renderSvg({
    title: { text: 'Monthly P&L vs the monthly target (₹ lakh)', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 70, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', data: months.map((m) => ({ value: lakh(m.netPnlPaise), itemStyle: { color: m.netPnlPaise >= 0 ? '#2e7d32' : '#c62828' } })) },
      { type: 'line', data: months.map((m) => lakh(m.targetPaise)), showSymbol: false, lineStyle: { type: 'dashed', color: '#1565c0' } },
    ],
  });
}

/** Number of trades and their net (₹ lakh) by exit reason. */
export function exitReasonChartSvg(report: BacktestReport): string {
  const reasons = Object.keys(report.summary.exitReasons).sort();
  const net = (r: string) => lakh(report.trades.filter((t) => t.exitReason === r).reduce((s, t) => s + t.netPnlPaise, 0));
  return renderSvg(
    {
      title: { text: 'Trades and net P&L by exit reason', left: 'center', textStyle: { fontSize: 14 } },
      legend: { top: 22, data: ['trades', 'net ₹ lakh'] },
      grid: { left: 70, right: 70, top: 55, bottom: 90 },
      xAxis: { type: 'category', data: reasons, axisLabel: { rotate: 30, fontSize: 10 } },
      yAxis: [{ type: 'value', name: 'trades' }, { type: 'value', name: '₹ lakh' }],
      series: [
        { name: 'trades', type: 'bar', data: reasons.map((r) => report.summary.exitReasons[r]) },
        { name: 'net ₹ lakh', type: 'bar', yAxisIndex: 1, data: reasons.map((r) => ({ value: net(r), itemStyle: { color: net(r) >= 0 ? '#2e7d32' : '#c62828' } })) },
      ],
    },
    960,
    400,
  );
}

/** Each trade's net P&L (₹ lakh) against India VIX at its entry. */
export function vixScatterSvg(report: BacktestReport): string {
  return renderSvg({
    title: { text: 'Trade net P&L (₹ lakh) vs India VIX at entry', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 70, right: 30, top: 40, bottom: 40 },
    xAxis: { type: 'value', name: 'VIX', scale: true },
    yAxis: { type: 'value', name: '₹ lakh' },
    series: [{ type: 'scatter', symbolSize: 4, data: report.trades.filter((t) => t.entryVix !== null).map((t) => [t.entryVix as number, lakh(t.netPnlPaise)]) }],
  });
}
