import { curveCrossings, expiryBreakevens } from './breakevens';
import { payoffCurve, priceGrid, type PayoffLeg } from './payoff';

const strangle: PayoffLeg[] = [
  { optionType: 'PE', strike: 24_000, side: 'SELL', quantity: 65, entryPrice: 100, iv: 0.15 },
  { optionType: 'CE', strike: 25_000, side: 'SELL', quantity: 65, entryPrice: 120, iv: 0.13 },
];

describe('expiryBreakevens', () => {
  it('puts a short strangle breakevens at the strikes ± the premium collected', () => {
    expect(expiryBreakevens(strangle)).toEqual([23_780, 25_220]);
  });

  it('moves them inwards by a realised loss of closed legs', () => {
    // −₹6,500 realised = 100 points over 65 units: each breakeven 100 points nearer the strikes.
    expect(expiryBreakevens(strangle, -6_500)).toEqual([23_880, 25_120]);
  });

  it('finds one breakeven for a long call: strike + premium', () => {
    expect(expiryBreakevens([{ optionType: 'CE', strike: 24_500, side: 'BUY', quantity: 65, entryPrice: 80.5, iv: null }])).toEqual([24_580.5]);
  });

  it('finds the entry price of a future', () => {
    expect(expiryBreakevens([{ optionType: null, strike: null, side: 'SELL', quantity: 75, entryPrice: 24_410.25, iv: null }])).toEqual([24_410.25]);
  });

  it('has none when the position cannot lose (realised gain above the most it can lose) or has no legs', () => {
    const longStrangle = strangle.map((l) => ({ ...l, side: 'BUY' as const }));
    // At most 220 × 65 = ₹14,300 can be lost; ₹20,000 is already banked.
    expect(expiryBreakevens(longStrangle, 20_000)).toEqual([]);
    expect(expiryBreakevens(longStrangle, 0)).toEqual([23_780, 25_220]);
    expect(expiryBreakevens([])).toEqual([]);
  });

  it('finds a breakeven lying exactly on a strike', () => {
    // Long 24000 PE at 0: P&L is zero at and above the strike; the zero shows once.
    expect(expiryBreakevens([{ optionType: 'PE', strike: 24_000, side: 'BUY', quantity: 65, entryPrice: 0, iv: null }])).toEqual([24_000]);
  });
});

describe('curveCrossings', () => {
  it('agrees with the exact expiry breakevens on a sampled expiry curve', () => {
    const curve = payoffCurve(strangle, priceGrid({ spot: 24_500, strikes: [24_000, 25_000] }));
    const crossings = curveCrossings(curve);
    expect(crossings).toHaveLength(2);
    expect(crossings[0]).toBeCloseTo(23_780, 1);
    expect(crossings[1]).toBeCloseTo(25_220, 1);
  });

  it('puts today breakevens of a short strangle inside the expiry ones (time value still owed)', () => {
    const curve = payoffCurve(strangle, priceGrid({ spot: 24_500, strikes: [24_000, 25_000] }), { years: 4 / 365, rate: 0.065 });
    const [low, high] = curveCrossings(curve);
    expect(low).toBeGreaterThan(23_780);
    expect(high).toBeLessThan(25_220);
  });
});
