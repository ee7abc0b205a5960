import { maxDrawdown, monthOf, periodChanges, riskAdjusted, tradeStats, weekOf } from './metrics';

describe('report metrics', () => {
  it('win rate, profit factor and totals from trade nets', () => {
    const s = tradeStats([
      { netPnlPaise: 300, grossPnlPaise: 310, chargesPaise: 10 },
      { netPnlPaise: -100, grossPnlPaise: -95, chargesPaise: 5 },
      { netPnlPaise: 100, grossPnlPaise: 104, chargesPaise: 4 },
      { netPnlPaise: 0, grossPnlPaise: 3, chargesPaise: 3 },
    ]);
    expect(s).toEqual({ trades: 4, winRate: 0.5, profitFactor: 4, netPnlPaise: 300, grossPnlPaise: 322, chargesPaise: 22 });
    expect(tradeStats([{ netPnlPaise: 5, grossPnlPaise: 5, chargesPaise: 0 }]).profitFactor).toBeNull();
    expect(tradeStats([]).winRate).toBe(0);
  });

  it('max drawdown from the running peak, the capital being the first peak', () => {
    const points = [
      { date: '2024-07-01', equityPaise: 1_050 },
      { date: '2024-07-02', equityPaise: 900 },
      { date: '2024-07-03', equityPaise: 1_200 },
      { date: '2024-07-04', equityPaise: 1_020 },
    ];
    expect(maxDrawdown(points, 1_000)).toEqual({ maxDrawdownPaise: 180, maxDrawdownPct: 15, peakDate: '2024-07-03', troughDate: '2024-07-04' });
    expect(maxDrawdown([{ date: '2024-07-01', equityPaise: 990 }], 1_000)).toMatchObject({ maxDrawdownPaise: 10, maxDrawdownPct: 1 });
  });

  it('week and month changes of closing equity', () => {
    const points = [
      { date: '2024-07-26', equityPaise: 1_010 }, // Friday
      { date: '2024-07-29', equityPaise: 1_030 }, // Monday
      { date: '2024-07-31', equityPaise: 1_000 },
      { date: '2024-08-01', equityPaise: 1_050 },
    ];
    expect(periodChanges(points, 1_000, weekOf)).toEqual([
      { key: '2024-07-22', pnlPaise: 10 },
      { key: '2024-07-29', pnlPaise: 40 },
    ]);
    expect(periodChanges(points, 1_000, monthOf)).toEqual([
      { key: '2024-07', pnlPaise: 0 },
      { key: '2024-08', pnlPaise: 50 },
    ]);
  });

  it('Sharpe and Sortino of daily returns, annualised, null without dispersion or a down day', () => {
    const flat = [1, 2, 3].map((i) => ({ date: `2024-07-0${i}`, equityPaise: 1_000 }));
    expect(riskAdjusted(flat, 1_000)).toEqual({ sharpe: null, sortino: null });
    const up = riskAdjusted([{ date: 'a', equityPaise: 1_010 }, { date: 'b', equityPaise: 1_030 }], 1_000);
    expect(up.sortino).toBeNull();
    expect(up.sharpe).toBeGreaterThan(0);
    const mixed = riskAdjusted([{ date: 'a', equityPaise: 1_010 }, { date: 'b', equityPaise: 1_000 }, { date: 'c', equityPaise: 1_020 }], 1_000);
    const r = [0.01, -10 / 1010, 0.02];
    const mean = (r[0] + r[1] + r[2]) / 3;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(mixed.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 2);
  });
});
