import { DomainError } from '../errors/domain-error';
import { blackScholes, BlackScholesInput } from './black-scholes';
import { seededRandom } from '../random/seeded-random';

const base: BlackScholesInput = { spot: 42, strike: 40, years: 0.5, rate: 0.1, vol: 0.2, type: 'CE' };

describe('blackScholes: textbook values', () => {
  it('prices Hull\'s example (S=42, K=40, r=10%, σ=20%, T=0.5): call 4.76, put 0.81', () => {
    expect(blackScholes(base).price).toBeCloseTo(4.76, 2);
    expect(blackScholes({ ...base, type: 'PE' }).price).toBeCloseTo(0.81, 2);
  });

  it('gives Hull\'s greeks for S=49, K=50, r=5%, σ=20%, T=20 weeks (0.3846 y)', () => {
    const g = blackScholes({ spot: 49, strike: 50, years: 0.3846, rate: 0.05, vol: 0.2, type: 'CE' });
    expect(g.price).toBeCloseTo(2.4, 2);
    expect(g.delta).toBeCloseTo(0.522, 3);
    expect(g.gamma).toBeCloseTo(0.066, 3);
    expect(g.vega * 100).toBeCloseTo(12.1, 1); // Hull quotes vega per 1.00 of vol
    expect(g.theta * 365).toBeCloseTo(-4.31, 2); // Hull quotes theta per year
    expect(g.rho * 100).toBeCloseTo(8.91, 2); // and rho per 1.00 of rate
  });

  it('matches Haug\'s generalised BSM examples (dividend yield q = r − b)', () => {
    // Merton (1973) put: S=100, K=95, T=0.5, r=10%, q=5%, σ=20% → 2.4648
    expect(blackScholes({ spot: 100, strike: 95, years: 0.5, rate: 0.1, dividendYield: 0.05, vol: 0.2, type: 'PE' }).price).toBeCloseTo(2.4648, 4);
    // Black-Scholes call: S=60, K=65, T=0.25, r=8%, σ=30% → 2.1334
    expect(blackScholes({ spot: 60, strike: 65, years: 0.25, rate: 0.08, vol: 0.3, type: 'CE' }).price).toBeCloseTo(2.1334, 4);
    // Deltas, futures option (b = 0): S=105, K=100, T=0.5, r=10%, σ=36% → 0.5946 / −0.3566
    const fut = { spot: 105, strike: 100, years: 0.5, rate: 0.1, dividendYield: 0.1, vol: 0.36 };
    expect(blackScholes({ ...fut, type: 'CE' }).delta).toBeCloseTo(0.5946, 4);
    expect(blackScholes({ ...fut, type: 'PE' }).delta).toBeCloseTo(-0.3566, 4);
    // Gamma: S=55, K=60, T=0.75, r=b=10%, σ=30% → 0.0278
    expect(blackScholes({ spot: 55, strike: 60, years: 0.75, rate: 0.1, vol: 0.3, type: 'CE' }).gamma).toBeCloseTo(0.0278, 4);
    // Theta (per year): put S=430, K=405, T=0.0833, r=7%, b=2%, σ=20% → −31.1924
    const theta = blackScholes({ spot: 430, strike: 405, years: 0.0833, rate: 0.07, dividendYield: 0.05, vol: 0.2, type: 'PE' }).theta;
    expect(theta * 365).toBeCloseTo(-31.1924, 3);
    // Rho (per 1.00): call S=72, K=75, T=1, r=b=9%, σ=19% → 38.7325
    expect(blackScholes({ spot: 72, strike: 75, years: 1, rate: 0.09, vol: 0.19, type: 'CE' }).rho * 100).toBeCloseTo(38.7325, 3);
  });
});

describe('blackScholes: identities on random NIFTY-like inputs', () => {
  const random = seededRandom(20240601);
  const cases = Array.from({ length: 2000 }, () => ({
    spot: 5000 + random() * 25000,
    strikeFactor: 0.7 + random() * 0.6,
    years: (1 + random() * 364) / 365,
    rate: random() * 0.1,
    dividendYield: random() * 0.03,
    vol: 0.05 + random() * 1.45,
  })).map(({ strikeFactor, ...rest }) => ({ ...rest, strike: Math.round((rest.spot * strikeFactor) / 50) * 50 }));

  it('satisfies put-call parity C − P = S·e^{−qT} − K·e^{−rT} to 1e-9 relative', () => {
    for (const c of cases) {
      const call = blackScholes({ ...c, type: 'CE' }).price;
      const put = blackScholes({ ...c, type: 'PE' }).price;
      const forward = c.spot * Math.exp(-c.dividendYield * c.years) - c.strike * Math.exp(-c.rate * c.years);
      expect(Math.abs(call - put - forward)).toBeLessThanOrEqual(1e-9 * Math.max(c.spot, c.strike));
    }
  });

  it('keeps prices between intrinsic value and the no-arbitrage cap', () => {
    for (const c of cases) {
      const sq = c.spot * Math.exp(-c.dividendYield * c.years);
      const kr = c.strike * Math.exp(-c.rate * c.years);
      const call = blackScholes({ ...c, type: 'CE' }).price;
      const put = blackScholes({ ...c, type: 'PE' }).price;
      expect(call).toBeGreaterThanOrEqual(Math.max(sq - kr, 0) - 1e-9 * c.spot);
      expect(call).toBeLessThanOrEqual(sq);
      expect(put).toBeGreaterThanOrEqual(Math.max(kr - sq, 0) - 1e-9 * c.spot);
      expect(put).toBeLessThanOrEqual(kr);
    }
  });

  it('has greeks equal to finite differences of the price (theta per day, vega and rho per 0.01)', () => {
    // Five-point stencils: truncation error O(h⁴), so the comparison is not limited by h.
    const d1 = (f: (h: number) => number, h: number) => (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
    const d2 = (f: (h: number) => number, h: number) => (-f(2 * h) + 16 * f(h) - 30 * f(0) + 16 * f(-h) - f(-2 * h)) / (12 * h * h);
    const close = (analytic: number, numeric: number, floor: number) =>
      expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(1e-6 * Math.abs(numeric) + floor);
    for (const c of cases.slice(0, 400)) {
      for (const type of ['CE', 'PE'] as const) {
        const at = (patch: Partial<BlackScholesInput>) => blackScholes({ ...c, type, ...patch }).price;
        const g = blackScholes({ ...c, type });
        const dS = c.spot * 1e-4;
        // Floors are the rounding noise of each difference quotient: ~1e-15·price / step^k.
        close(g.delta, d1((h) => at({ spot: c.spot + h }), dS), (1e-12 * c.spot) / dS);
        close(g.gamma, d2((h) => at({ spot: c.spot + h }), dS), (1e-12 * c.spot) / (dS * dS));
        close(g.theta, -d1((h) => at({ years: c.years + h }), c.years * 1e-3) / 365, (1e-12 * c.spot) / (c.years * 1e-3));
        close(g.vega, d1((h) => at({ vol: c.vol + h }), 1e-4) / 100, 1e-8 * c.spot);
        close(g.rho, d1((h) => at({ rate: c.rate + h }), 1e-4) / 100, 1e-8 * c.spot);
      }
    }
  });

  it('gives calls a delta in [0, 1] and puts a delta in [−1, 0]; gamma and vega are the same for both', () => {
    for (const c of cases) {
      const call = blackScholes({ ...c, type: 'CE' });
      const put = blackScholes({ ...c, type: 'PE' });
      expect(call.delta).toBeGreaterThanOrEqual(0);
      expect(call.delta).toBeLessThanOrEqual(1);
      expect(put.delta).toBeGreaterThanOrEqual(-1);
      expect(put.delta).toBeLessThanOrEqual(0);
      expect(Math.abs(call.gamma - put.gamma)).toBeLessThanOrEqual(1e-15 + 1e-12 * call.gamma);
      expect(Math.abs(call.vega - put.vega)).toBeLessThanOrEqual(1e-12 * c.spot);
    }
  });
});

describe('blackScholes: at expiry (years = 0)', () => {
  it('is worth intrinsic value with zero gamma, theta, vega and rho', () => {
    expect(blackScholes({ ...base, years: 0 })).toEqual({ price: 2, delta: 1, gamma: 0, theta: 0, vega: 0, rho: 0 });
    expect(blackScholes({ ...base, years: 0, type: 'PE' })).toEqual({ price: 0, delta: -0, gamma: 0, theta: 0, vega: 0, rho: 0 });
    expect(blackScholes({ ...base, strike: 45, years: 0, type: 'PE' }).price).toBe(3);
    expect(blackScholes({ ...base, strike: 45, years: 0, type: 'PE' }).delta).toBe(-1);
  });

  it('gives a delta of ±0.5 exactly at the strike', () => {
    expect(blackScholes({ ...base, strike: 42, years: 0 }).delta).toBe(0.5);
    expect(blackScholes({ ...base, strike: 42, years: 0, type: 'PE' }).delta).toBe(-0.5);
  });
});

describe('blackScholes: bad input', () => {
  it.each([
    ['spot 0', { spot: 0 }],
    ['negative spot', { spot: -1 }],
    ['NaN strike', { strike: NaN }],
    ['negative years', { years: -0.1 }],
    ['zero vol', { vol: 0 }],
    ['infinite vol', { vol: Infinity }],
    ['NaN rate', { rate: NaN }],
    ['NaN dividend yield', { dividendYield: NaN }],
    ['unknown type', { type: 'XX' as 'CE' }],
  ])('throws INVALID_ARGUMENT for %s', (_name, patch) => {
    const call = () => blackScholes({ ...base, ...patch });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('throws rather than return NaN when the inputs overflow the model', () => {
    expect(() => blackScholes({ ...base, rate: -1e6, years: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
