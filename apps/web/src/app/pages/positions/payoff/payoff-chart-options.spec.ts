import { payoffChartOptions } from './payoff-chart-options';

type Series = { name: string; data: number[][]; markLine?: { data: { xAxis?: number; yAxis?: number; name?: string; label?: { formatter?: string } }[] }; markArea?: { data: { xAxis: number; name?: string }[][] } };

describe('payoffChartOptions', () => {
  const expiry = [{ price: 23_000, pnl: -50_700.4 }, { price: 24_500, pnl: 14_300 }];

  it('draws the expiry curve and marks zero, spot (Indian grouping) and every breakeven', () => {
    const series = payoffChartOptions({ expiry, today: null, spot: 24_400.5, breakevens: [23_780, 25_220] }).series as Series[];
    expect(series.map((s) => s.name)).toEqual(['At expiry', 'Profit zone', 'Loss zone']);
    expect(series[0].data).toEqual([[23_000, -50_700], [24_500, 14_300]]);
    expect(series[0].markLine?.data.map((m) => m.name ?? `y=${m.yAxis}`)).toEqual(['y=0', 'Spot', 'Breakeven', 'Breakeven']);
    expect(series[0].markLine?.data.filter((m) => m.xAxis !== undefined).map((m) => m.xAxis)).toEqual([24_400.5, 23_780, 25_220]);
    expect(series[0].markLine?.data[1].label?.formatter).toBe('Spot 24,400.5');
  });

  it('shades profit above zero and loss below it', () => {
    const series = payoffChartOptions({ expiry, today: null, spot: null, breakevens: [] }).series as Series[];
    expect(series[1].data).toEqual([[23_000, 0], [24_500, 14_300]]);
    expect(series[2].data).toEqual([[23_000, -50_700], [24_500, 0]]);
  });

  it('shades the ±2σ and ±1σ bands when known', () => {
    const series = payoffChartOptions({ expiry, today: null, spot: 24_000, breakevens: [], bands: { oneLow: 23_600, oneHigh: 24_400, twoLow: 23_200, twoHigh: 24_800 } }).series as Series[];
    expect(series[0].markArea?.data.map(([from, to]) => [from.name, from.xAxis, to.xAxis])).toEqual([['±2σ', 23_200, 24_800], ['±1σ', 23_600, 24_400]]);
  });

  it('adds the today curve when there is one, and no spot mark without a spot', () => {
    const series = payoffChartOptions({ expiry, today: expiry, spot: null, breakevens: [] }).series as Series[];
    expect(series.map((s) => s.name)).toEqual(['At expiry', 'Today', 'Profit zone', 'Loss zone']);
    expect(series[0].markLine?.data).toHaveLength(1);
  });
});
