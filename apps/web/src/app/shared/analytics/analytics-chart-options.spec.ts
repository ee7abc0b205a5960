import type { AnalyticsReport } from '@mcube/contracts';
import { equityOptions } from './analytics-chart-options';

type Axis = { name?: string; max?: number; min?: (e: { min: number; max: number }) => number; minInterval?: number };

const reportWith = (drawdownPaise: number[]): AnalyticsReport =>
  ({ equity: [{ accountId: 'ALL', startingCapitalPaise: 0, points: drawdownPaise.map((d, i) => ({ at: `2024-01-0${i + 1}T15:15`, equityPaise: 0, pnlPaise: 0, drawdownPaise: d, drawdownPct: 0 })) }] }) as unknown as AnalyticsReport;

describe('equityOptions: the drawdown axis', () => {
  const drawdownAxis = (r: AnalyticsReport) => (equityOptions(r).yAxis as Axis[]).find((a) => a.name === 'Drawdown') as Axis;

  it('stays at least ₹100 deep in whole rupees when the curve never fell from its peak', () => {
    const axis = drawdownAxis(reportWith([0, 0, 0]));
    expect(axis.max).toBe(0);
    expect(axis.minInterval).toBe(1);
    expect(axis.min?.({ min: 0, max: 0 })).toBe(-100);
  });

  it('follows the deepest drawdown below that', () => {
    expect(drawdownAxis(reportWith([0, -250_000, -100_000])).min?.({ min: -2_500, max: 0 })).toBe(-2_500);
  });
});
