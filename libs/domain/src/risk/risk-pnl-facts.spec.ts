import { riskPnlFacts } from './risk-pnl-facts';

describe('riskPnlFacts', () => {
  const rows = [
    { tradeDate: '2026-07-31', netPnlPaise: 500, peakEquityPaise: 10_500 },
    { tradeDate: '2026-08-17', netPnlPaise: -200, peakEquityPaise: 10_500 }, // Monday
    { tradeDate: '2026-08-19', netPnlPaise: 300, peakEquityPaise: 10_600 },
  ];

  it('sums today, the ISO week from Monday and the month, and adds the whole open P&L to each', () => {
    const f = riskPnlFacts({ date: '2026-08-19', rows, allocatedCapitalPaise: 10_000, activePosition: { realizedPnlPaise: -50, unrealizedPnlPaise: -150 } });
    expect(f).toEqual({ todayPaise: 300 - 200, weekPaise: -200 + 300 - 200, monthPaise: -200 + 300 - 200, equityPaise: 10_000 + 600 - 200, equityPeakPaise: 10_600 });
  });

  it('never puts the peak below the allocated capital or the current equity', () => {
    expect(riskPnlFacts({ date: '2026-08-19', rows: [], allocatedCapitalPaise: 10_000, activePosition: null }).equityPeakPaise).toBe(10_000);
    expect(riskPnlFacts({ date: '2026-08-19', rows: [], allocatedCapitalPaise: 10_000, activePosition: { realizedPnlPaise: 0, unrealizedPnlPaise: 900 } }).equityPeakPaise).toBe(10_900);
  });
});
