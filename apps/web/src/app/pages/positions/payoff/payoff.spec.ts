import { optionValue } from './option-value';
import { canPriceToday, payoffAt, payoffCurve, priceGrid, type PayoffLeg } from './payoff';

/** A NIFTY short strangle: 24000 PE sold at ₹100, 25000 CE sold at ₹120, one lot of 65 each. */
const strangle: PayoffLeg[] = [
  { optionType: 'PE', strike: 24_000, side: 'SELL', quantity: 65, entryPrice: 100, iv: 0.15 },
  { optionType: 'CE', strike: 25_000, side: 'SELL', quantity: 65, entryPrice: 120, iv: 0.13 },
];

describe('payoffAt (expiry)', () => {
  it('keeps the whole premium between the strikes of a short strangle', () => {
    expect(payoffAt(strangle, 24_500)).toBe(220 * 65);
    expect(payoffAt(strangle, 24_000)).toBe(220 * 65);
    expect(payoffAt(strangle, 25_000)).toBe(220 * 65);
  });

  it('loses point for point beyond a strike', () => {
    // Call 1000 in the money: −(1000 − 120)·65, the put keeps its 100·65.
    expect(payoffAt(strangle, 26_000)).toBe(-(1000 - 120) * 65 + 100 * 65);
    expect(payoffAt(strangle, 23_500)).toBe(-(500 - 100) * 65 + 120 * 65);
  });

  it('adds the realised P&L of closed legs as an offset', () => {
    expect(payoffAt(strangle, 24_500, null, -5_000)).toBe(220 * 65 - 5_000);
  });

  it('values a future at the underlying price', () => {
    const longFuture: PayoffLeg = { optionType: null, strike: null, side: 'BUY', quantity: 75, entryPrice: 24_400, iv: null };
    expect(payoffAt([longFuture], 24_500)).toBe(100 * 75);
    expect(payoffAt([{ ...longFuture, side: 'SELL' }], 24_500)).toBe(-100 * 75);
  });
});

describe('payoffAt (today, Black-Scholes with the legs IVs)', () => {
  const pricing = { years: 5 / 365, rate: 0.065 };

  it('sums each leg valued by Black-Scholes with its own IV', () => {
    const put = optionValue({ type: 'PE', spot: 24_400, strike: 24_000, years: pricing.years, rate: 0.065, vol: 0.15 });
    const call = optionValue({ type: 'CE', spot: 24_400, strike: 25_000, years: pricing.years, rate: 0.065, vol: 0.13 });
    expect(payoffAt(strangle, 24_400, pricing)).toBeCloseTo(-(put - 100) * 65 - (call - 120) * 65, 6);
  });

  it('is below the expiry payoff for a short option (time value still to decay) and above it for a long one', () => {
    expect(payoffAt(strangle, 24_500, pricing)).toBeLessThan(payoffAt(strangle, 24_500));
    const longCall: PayoffLeg[] = [{ ...strangle[1], side: 'BUY' }];
    expect(payoffAt(longCall, 24_500, pricing)).toBeGreaterThan(payoffAt(longCall, 24_500));
  });

  it('needs every option leg IV to draw the today curve', () => {
    expect(canPriceToday(strangle)).toBe(true);
    expect(canPriceToday([strangle[0], { ...strangle[1], iv: null }])).toBe(false);
    expect(canPriceToday([{ optionType: null, strike: null, side: 'BUY', quantity: 75, entryPrice: 24_400, iv: null }])).toBe(true);
  });
});

describe('priceGrid', () => {
  it('spans spot and every strike with the margin on both sides, evenly', () => {
    const grid = priceGrid({ spot: 24_400, strikes: [24_000, 25_000], marginPct: 0.05, points: 101 });
    expect(grid).toHaveLength(101);
    expect(grid[0]).toBe(22_800);
    expect(grid[100]).toBe(26_250);
    expect(grid[1] - grid[0]).toBeCloseTo(34.5, 6);
  });

  it('is empty without any level to centre on', () => {
    expect(priceGrid({ spot: null, strikes: [] })).toEqual([]);
  });

  it('feeds payoffCurve one point per price', () => {
    const curve = payoffCurve(strangle, [24_500, 26_000]);
    expect(curve).toEqual([
      { price: 24_500, pnl: 14_300 },
      { price: 26_000, pnl: -50_700 },
    ]);
  });
});
