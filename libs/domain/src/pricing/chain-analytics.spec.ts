import type { OptionChainSnapshot } from '../ports/market-data.port';
import { blackScholes } from './black-scholes';
import { analyzeChain, maxPainStrike } from './chain-analytics';

/** Payout to option holders at expiry level `level`, summed the slow way. */
function payout(rows: { strike: number; callOi: number; putOi: number }[], level: number): number {
  return rows.reduce((a, r) => a + r.callOi * Math.max(level - r.strike, 0) + r.putOi * Math.max(r.strike - level, 0), 0);
}

describe('chain analytics', () => {
  it('finds max pain where the payout to holders is smallest (checked against the direct sum)', () => {
    let state = 42;
    const rnd = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let t = 0; t < 50; t++) {
      const rows = Array.from({ length: 40 }, (_, i) => ({ strike: 22_000 + 50 * i, callOi: Math.floor(rnd() * 1e6), putOi: Math.floor(rnd() * 1e6) }));
      const best = maxPainStrike(rows)!;
      const minimum = Math.min(...rows.map((r) => payout(rows, r.strike)));
      expect(payout(rows, best)).toBe(minimum);
    }
    expect(maxPainStrike([])).toBeNull();
  });

  it('gives PCR, OI walls, OI change and IV recovering the volatility that priced the chain', () => {
    const spot = 24_000;
    const years = 7 / 365;
    const strikes = [23_500, 23_800, 24_000, 24_200, 24_500];
    const price = (strike: number, type: 'CE' | 'PE') => blackScholes({ spot, strike, years, rate: 0.065, vol: 0.14, type }).price;
    const chain: OptionChainSnapshot = {
      underlying: 'NIFTY',
      expiry: '2026-03-10',
      spot,
      asOfMs: 0,
      strikes: strikes.map((strike, i) => ({
        strike,
        call: { lastPrice: price(strike, 'CE'), source: 'MODELLED', openInterest: [1, 2, 3, 4, 9][i] * 1000, openInterestChange: 100 },
        put: { lastPrice: price(strike, 'PE'), source: 'MODELLED', openInterest: [9, 5, 3, 2, 1][i] * 1000, openInterestChange: -50 },
      })),
    };
    const a = analyzeChain(chain, { years, rate: 0.065 });
    expect(a.putCallRatio).toBeCloseTo(20 / 19, 10);
    expect(a.support).toBe(23_500);
    expect(a.resistance).toBe(24_500);
    expect(a.callOiChange).toBe(500);
    expect(a.putOiChange).toBe(-250);
    expect(a.priced).toHaveLength(10);
    for (const row of a.priced) if (row.status === 'OK') expect(row.iv).toBeCloseTo(0.14, 6);
  });

  it('refuses strikes out of order', () => {
    const side = { lastPrice: 10, source: 'REAL' as const };
    const chain: OptionChainSnapshot = { underlying: 'NIFTY', expiry: '2026-03-10', spot: 24_000, asOfMs: 0, strikes: [{ strike: 24_100, call: side }, { strike: 24_000, call: side }] };
    expect(() => analyzeChain(chain, { years: 0.02, rate: 0.065 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
