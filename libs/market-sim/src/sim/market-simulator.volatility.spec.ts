import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { MarketSimulator } from './market-simulator';

/** Annualised realised volatility of daily log returns, and the VIX-implied one (RMS of the VIX in force). */
async function volatilityOfYear(seed: number): Promise<{ realised: number; implied: number }> {
  const sim = new MarketSimulator({ seed, startDate: '2025-01-01', tickIntervalMs: 15 * 60_000, warmupTradingDays: 0 }, new FixedClock(0));
  sim.advanceTo(epochMsOfIst('2025-12-31', '16:00'));
  const nifty = await sim.historyBars({ symbol: 'NIFTY 50', interval: '1d', from: '2025-01-01', to: '2025-12-31' });
  const vix = await sim.historyBars({ symbol: 'INDIA VIX', interval: '1d', from: '2025-01-01', to: '2025-12-31' });
  const returns = nifty.slice(1).map((b, i) => Math.log(b.close / nifty[i].close));
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
  // The return from day i to i+1 is driven by the VIX of that stretch: start from day i's close.
  const impliedVariance = vix.slice(0, -1).reduce((a, b) => a + (b.close / 100) ** 2, 0) / (vix.length - 1);
  return { realised: Math.sqrt(variance * 252), implied: Math.sqrt(impliedVariance) };
}

describe('simulated NIFTY volatility', () => {
  // Stated tolerance: ±12 % of the VIX-implied volatility over one simulated year (sampling error
  // of a year of daily returns with jumps is about ±5 %; a wrong annualisation is off by 20 %).
  const TOLERANCE = 0.12;

  it.each([11, 22, 33])('keeps realised volatility within 12 %% of VIX-implied over a simulated year (seed %i)', async (seed) => {
    const { realised, implied } = await volatilityOfYear(seed);
    expect(implied).toBeGreaterThan(0.08);
    expect(Math.abs(realised / implied - 1)).toBeLessThan(TOLERANCE);
  });

  it('simulates about 250 trading days in a calendar year and VIX moves between regimes', async () => {
    const sim = new MarketSimulator({ seed: 5, startDate: '2025-01-01', tickIntervalMs: 15 * 60_000, warmupTradingDays: 0 }, new FixedClock(0));
    sim.advanceTo(epochMsOfIst('2025-12-31', '16:00'));
    const vix = await sim.historyBars({ symbol: 'INDIA VIX', interval: '1d', from: '2025-01-01', to: '2025-12-31' });
    expect(vix.length).toBeGreaterThanOrEqual(240);
    expect(vix.length).toBeLessThanOrEqual(252);
    const closes = vix.map((b) => b.close);
    expect(Math.max(...closes) - Math.min(...closes)).toBeGreaterThan(3);
  });
});
