import { payoffChartOptions } from './payoff-chart-options';

type Series = { name: string; data: number[][]; markLine?: { data: { xAxis?: number; yAxis?: number; name?: string }[] } };

describe('payoffChartOptions', () => {
  const expiry = [{ price: 23_000, pnl: -50_700.4 }, { price: 24_500, pnl: 14_300 }];

  it('draws the expiry curve and marks zero, spot and every breakeven', () => {
    const series = payoffChartOptions({ expiry, today: null, spot: 24_400, breakevens: [23_780, 25_220] }).series as Series[];
    expect(series.map((s) => s.name)).toEqual(['At expiry']);
    expect(series[0].data).toEqual([[23_000, -50_700], [24_500, 14_300]]);
    expect(series[0].markLine?.data.map((m) => m.name ?? `y=${m.yAxis}`)).toEqual(['y=0', 'Spot', 'Breakeven', 'Breakeven']);
    expect(series[0].markLine?.data.filter((m) => m.xAxis !== undefined).map((m) => m.xAxis)).toEqual([24_400, 23_780, 25_220]);
  });

  it('adds the today curve when there is one, and no spot mark without a spot', () => {
    const series = payoffChartOptions({ expiry, today: expiry, spot: null, breakevens: [] }).series as Series[];
    expect(series.map((s) => s.name)).toEqual(['At expiry', 'Today']);
    expect(series[0].markLine?.data).toHaveLength(1);
  });
});
