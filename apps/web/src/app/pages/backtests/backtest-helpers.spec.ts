import { backtestRequestOf } from './backtest-form';
import { monthlyHeat } from './monthly-heat';

describe('backtestRequestOf', () => {
  const base = { from: '2024-01-01', to: '2024-02-29', dataSource: 'SHARED' as const, seed: '7', params: '' };

  it('turns key=value lines into params, blank lines ignored, the seed only for the simulator', () => {
    expect(backtestRequestOf({ ...base, params: ' targetPct = 40 \n\nengine.ticks=daily' })).toEqual({ request: { strategy: 'kotak-strangle', from: '2024-01-01', to: '2024-02-29', dataSource: 'SHARED', params: { targetPct: '40', 'engine.ticks': 'daily' } } });
    expect(backtestRequestOf({ ...base, dataSource: 'SIMULATOR' })).toEqual({ request: { strategy: 'kotak-strangle', from: '2024-01-01', to: '2024-02-29', dataSource: 'SIMULATOR', params: {}, seed: 7 } });
  });

  it('names the line that is not key=value', () => {
    expect(backtestRequestOf({ ...base, params: 'targetPct=40\nfilters.maxVix' })).toEqual({ error: 'params: line 2 is not key=value' });
    expect(backtestRequestOf({ ...base, params: '=5' })).toEqual({ error: 'params: line 1 is not key=value' });
  });
});

describe('monthlyHeat', () => {
  const target = 7_00_000_00;

  it('lays the months out by year and colours each against the target', () => {
    const heat = monthlyHeat([
      { month: '2024-01', netPnlPaise: 8_00_000_00, targetPaise: target },
      { month: '2024-03', netPnlPaise: 1_00_000_00, targetPaise: target },
      { month: '2025-02', netPnlPaise: -2_00_000_00, targetPaise: target },
    ]);
    expect(heat.targetPaise).toBe(target);
    expect(heat.years.map((y) => y.year)).toEqual(['2024', '2025']);
    const [y24, y25] = heat.years;
    expect(y24.cells.map((c) => (c ? c.netPnlPaise : null)).slice(0, 4)).toEqual([8_00_000_00, null, 1_00_000_00, null]);
    expect(y24.cells[0]!.color).toMatch(/^rgba\(25, 135, 84/); // at or above the target: green
    expect(y24.cells[0]!.title).toBe('2024-01: 114% of the target');
    expect(y24.cells[2]!.color).toMatch(/^rgba\(255, 193, 7/); // below it but positive: amber
    expect(y25.cells[1]!.color).toMatch(/^rgba\(220, 53, 69/); // a loss: red
    expect(y25.cells.filter((c) => c !== null)).toHaveLength(1);
  });
});
