import { ERF_CENTRAL_LIMIT, erfCentral, erfcxTail } from './normal-distribution';

/**
 * The normalised Black price of an out-of-the-money call (P. Jäckel's notation):
 *   b(x, s) = e^{x/2}·Φ(x/s + s/2) − e^{−x/2}·Φ(x/s − s/2),  x = ln(F/K) ≤ 0, s = σ√T,
 * i.e. the undiscounted call price divided by √(F·K). Every European option reduces to it
 * (put-call symmetry and subtracting intrinsic value), so the implied-volatility solver
 * works on this one function only.
 *
 * Both Φ terms share one exponential: exp(−d1²/2) = E·e^{−x/2} and exp(−d2²/2) = E·e^{x/2}
 * with E = exp(−(x²/s² + s²/4)/2), which is also the vega. Tails are taken as
 * E·erfcx(·), so deep out-of-the-money prices keep their relative accuracy.
 */

const INV_SQRT_2 = 0.7071067811865476;
const INV_SQRT_2PI = 0.3989422804014327;

/** Index of b(x, s) in the evaluation buffer. */
export const B_PRICE = 0;
/** Index of b_max − b(x, s) = e^{x/2} − b (the distance to the price cap), computed without cancellation. */
export const B_GAP = 1;
/** Index of ∂b/∂s = exp(−(x²/s² + s²/4)/2)/√(2π) (normalised vega). */
export const B_VEGA = 2;

/**
 * Evaluates b(x, s), its distance to the cap and its vega into `out` (a reusable buffer of
 * length ≥ 3, so that solver loops allocate nothing). Requires x ≤ 0, s > 0 and
 * `expHalfX` = e^{x/2}; inputs are not checked here (the callers validate once).
 */
export function evaluateOtmBlack(x: number, s: number, expHalfX: number, out: Float64Array): void {
  const h = x / s;
  const t = 0.5 * s;
  const e = Math.exp(-0.5 * (h * h + t * t));
  out[B_VEGA] = e * INV_SQRT_2PI;
  // d2 = h − t < 0 always; Φ(d2) scaled by e^{-x/2} is e^{-x/2}·Φ(d2).
  const y2 = (t - h) * INV_SQRT_2;
  const d1 = h + t;
  if (d1 <= 0) {
    const y1 = -d1 * INV_SQRT_2;
    let b: number;
    if (y1 > ERF_CENTRAL_LIMIT) {
      // Both in the tail: b = ½E·(erfcx(y1) − erfcx(y2)), no e^{±x/2} round trip.
      b = 0.5 * e * (erfcxTail(y1) - erfcxTail(y2));
    } else {
      const phi1 = 0.5 - 0.5 * erfCentral(y1);
      const phi2 = y2 > ERF_CENTRAL_LIMIT ? 0.5 * e * expHalfX * erfcxTail(y2) : 0.5 - 0.5 * erfCentral(y2);
      b = expHalfX * phi1 - phi2 / expHalfX;
    }
    out[B_PRICE] = b;
    out[B_GAP] = expHalfX - b;
    return;
  }
  // s above the inflection point: b is near its cap, so build the gap from the two tails.
  const y1 = d1 * INV_SQRT_2;
  const upper1 = y1 > ERF_CENTRAL_LIMIT ? 0.5 * e * erfcxTail(y1) : expHalfX * (0.5 - 0.5 * erfCentral(y1));
  const lower2 = y2 > ERF_CENTRAL_LIMIT ? 0.5 * e * erfcxTail(y2) : (0.5 - 0.5 * erfCentral(y2)) / expHalfX;
  const gap = upper1 + lower2;
  out[B_GAP] = gap;
  out[B_PRICE] = expHalfX - gap;
}
