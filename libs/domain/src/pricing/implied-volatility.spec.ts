import { DomainError } from '../errors/domain-error';
import { blackScholes } from './black-scholes';
import { CallPut } from './call-put';
import { impliedVolatility, ImpliedVolatilityInput } from './implied-volatility';
import { lastSolveIterations } from './normalised-vol-solver';
import { seededRandom } from '../random/seeded-random';

/** NIFTY-like inputs: spot 5,000–30,000, strikes ±30 %, 1 day–1 year, vol 5–150 %, rate 0–10 %. */
function randomNiftyCase(random: () => number) {
  const spot = 5000 + random() * 25000;
  return {
    spot,
    strike: Math.round(spot * (0.7 + 0.6 * random())),
    years: (1 + random() * 364) / 365,
    vol: 0.05 + random() * 1.45,
    rate: random() * 0.1,
    dividendYield: random() < 0.2 ? random() * 0.02 : 0,
    type: (random() < 0.5 ? 'CE' : 'PE') as CallPut,
  };
}

describe('impliedVolatility: round trip', () => {
  it('recovers the volatility to 1e-8 on at least 100,000 random NIFTY-like options', () => {
    // Filter: premiums below 1e-6 rupee and options whose vega per 1.00 of vol is below
    // 1e-6·spot are skipped. There the premium's own rounding (about 1e-16·spot) moves the
    // implied vol by more than the tolerance allows: the vol is not determined by the price.
    const random = seededRandom(7);
    let tested = 0;
    let worst = 0;
    const iterations: number[] = [];
    for (let i = 0; i < 125_000; i++) {
      const c = randomNiftyCase(random);
      const g = blackScholes(c);
      if (g.price < 1e-6 || g.vega * 100 < 1e-6 * c.spot) continue;
      const iv = impliedVolatility({ ...c, price: g.price });
      iterations.push(lastSolveIterations());
      worst = Math.max(worst, Math.abs(iv - c.vol));
      tested++;
    }
    expect(tested).toBeGreaterThanOrEqual(100_000);
    expect(worst).toBeLessThanOrEqual(1e-8);
    // Speed comes from the starting guesses: most solves take two evaluations of b.
    iterations.sort((a, b) => a - b);
    expect(iterations[Math.floor(iterations.length / 2)]).toBeLessThanOrEqual(2);
    expect(iterations[Math.floor(iterations.length * 0.99)]).toBeLessThanOrEqual(4);
  });

  it('recovers short-dated weekly NIFTY options (1–7 days, strikes within ±10 %) to 1e-9', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 20_000; i++) {
      const spot = 18000 + random() * 8000;
      const c = {
        spot,
        strike: Math.round((spot * (0.9 + 0.2 * random())) / 50) * 50,
        years: (1 + random() * 6) / 365,
        vol: 0.08 + random() * 0.4,
        rate: 0.065,
        type: (random() < 0.5 ? 'CE' : 'PE') as CallPut,
      };
      const g = blackScholes(c);
      if (g.price < 0.05 || g.vega * 100 < 1e-6 * spot) continue; // below one tick is not a quote
      expect(Math.abs(impliedVolatility({ ...c, price: g.price }) - c.vol)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('handles at-the-money-forward options and very high volatilities', () => {
    const years = 30 / 365;
    const rate = 0.07;
    const spot = 22000;
    const strike = spot * Math.exp(rate * years); // forward = strike: x = 0
    for (const vol of [0.01, 0.15, 1, 3, 8]) {
      const price = blackScholes({ spot, strike, years, rate, vol, type: 'CE' }).price;
      expect(Math.abs(impliedVolatility({ price, spot, strike, years, rate, type: 'CE' }) / vol - 1)).toBeLessThan(1e-10);
    }
  });

  it('recovers far out-of-the-money options priced at a tiny fraction of a paisa', () => {
    // No cancellation out of the money: a 1e-11 premium still determines the volatility.
    const c = { spot: 5179.23, strike: 20000, years: 0.1125, rate: 0.05, type: 'CE' as const };
    for (const vol of [0.3, 0.4, 0.54]) {
      const price = blackScholes({ ...c, vol }).price;
      expect(price).toBeLessThan(1e-4);
      expect(price).toBeGreaterThan(0);
      expect(Math.abs(impliedVolatility({ ...c, price }) - vol)).toBeLessThan(1e-10);
    }
  });

  it('always returns a finite positive number inside the bounds, even for extreme inputs', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 20_000; i++) {
      const spot = Math.exp(random() * 12);
      const strike = spot * Math.exp((random() - 0.5) * 6);
      const years = Math.exp(-8 + random() * 11);
      const vol = Math.exp(-6 + random() * 8);
      const type = random() < 0.5 ? 'CE' : 'PE';
      const price = blackScholes({ spot, strike, years, rate: 0.05, vol, type }).price;
      try {
        const iv = impliedVolatility({ price, spot, strike, years, rate: 0.05, type });
        expect(Number.isFinite(iv) && iv >= 0).toBe(true);
      } catch (error) {
        // Prices that rounded onto a bound are legitimately rejected; nothing else may throw.
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('PRICE_OUT_OF_BOUNDS');
      }
    }
  });
});

describe('impliedVolatility: bounds', () => {
  const c: Omit<ImpliedVolatilityInput, 'price'> = { spot: 22000, strike: 21000, years: 7 / 365, rate: 0.065, type: 'CE' };
  const discountedIntrinsic = c.spot - c.strike * Math.exp(-c.rate * c.years);

  it('returns 0 for a premium exactly at the discounted intrinsic value', () => {
    expect(impliedVolatility({ ...c, price: discountedIntrinsic })).toBe(0);
    expect(impliedVolatility({ ...c, strike: 23000, type: 'CE', price: 0 })).toBe(0);
  });

  it('rejects a premium below the discounted intrinsic value with PRICE_OUT_OF_BOUNDS and context', () => {
    const call = () => impliedVolatility({ ...c, price: discountedIntrinsic - 0.05 });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: 'PRICE_OUT_OF_BOUNDS', context: expect.objectContaining({ intrinsic: discountedIntrinsic, cap: c.spot }) }));
    expect(() => impliedVolatility({ ...c, price: -1 })).toThrow(expect.objectContaining({ code: 'PRICE_OUT_OF_BOUNDS' }));
  });

  it('rejects a premium at or above the cap: S·e^{−qT} for a call, K·e^{−rT} for a put', () => {
    expect(() => impliedVolatility({ ...c, price: c.spot })).toThrow(expect.objectContaining({ code: 'PRICE_OUT_OF_BOUNDS' }));
    const putCap = c.strike * Math.exp(-c.rate * c.years);
    expect(() => impliedVolatility({ ...c, type: 'PE', price: putCap })).toThrow(expect.objectContaining({ code: 'PRICE_OUT_OF_BOUNDS' }));
    expect(() => impliedVolatility({ ...c, type: 'PE', price: putCap + 1 })).toThrow(expect.objectContaining({ code: 'PRICE_OUT_OF_BOUNDS' }));
  });

  it('solves a premium just inside the cap to a very large but finite volatility', () => {
    const price = blackScholes({ ...c, vol: 20 }).price;
    expect(impliedVolatility({ ...c, price })).toBeCloseTo(20, 6);
  });

  it.each([
    ['NaN price', { price: NaN }],
    ['zero years', { years: 0 }],
    ['negative strike', { strike: -5 }],
    ['infinite rate', { rate: Infinity }],
    ['unknown type', { type: 'C' as CallPut }],
  ])('throws INVALID_ARGUMENT for %s', (_name, patch) => {
    expect(() => impliedVolatility({ ...c, price: 1500, ...patch })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
