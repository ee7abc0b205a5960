import { inverseNormalCdfApprox } from './inverse-normal';
import { B_GAP, B_PRICE, B_VEGA, evaluateOtmBlack } from './normalised-black';
import { erfc } from './normal-distribution';

/**
 * Solves b(x, s) = β for the total volatility s = σ√T of an out-of-the-money call in
 * normalised Black form (see `normalised-black.ts`). Method, after P. Jäckel ("By
 * implication", 2006; "Let's be rational", 2015), written from the equations:
 *
 * - b is convex in s below the inflection point s_c = √(2|x|) and concave above it. Below,
 *   the objective 1/ln b(s) − 1/ln β is nearly linear; above, ln((b_max − β)/(b_max − b(s)))
 *   is; Householder steps of order 3 on those converge in two or three steps.
 * - Start: below s_c from the tangent at s_c, a Hermite interpolation or the Mills-ratio
 *   asymptote (see `lowGuess`); above it from the at-the-money inversion s = −2Φ⁻¹(gap/2),
 *   widened for x ≠ 0. Two evaluations of b suffice for most NIFTY-like inputs.
 * - Every step is kept inside a bracket that shrinks with each evaluation; a step that
 *   leaves it becomes a bisection, so the loop always ends with a finite answer.
 */

const HALF_LN_2PI = 0.9189385332046728;
const INV_SQRT_2PI = 0.3989422804014327;
const MAX_ITERATIONS = 60;
/**
 * A Householder(3) step of relative size δ leaves an error of order δ³ or less (order 4 near
 * the root): below 1e-5 the answer is at rounding level. Iterating further only chases
 * rounding noise in b, which can mislead the bracket.
 */
const STEP_TOLERANCE = 1e-5;

const buffer = new Float64Array(3);

let iterations = 0;

/** Evaluations of b used by the last `solveOtmTotalVol` call (a diagnostic for tests and benchmarks). */
export function lastSolveIterations(): number {
  return iterations;
}

/**
 * Total volatility s > 0 with b(x, s) = β. Requires x ≤ 0 finite and 0 < β < e^{x/2}
 * (validated by the caller); always returns a finite positive number.
 */
export function solveOtmTotalVol(beta: number, x: number): number {
  const expHalfX = Math.exp(0.5 * x);
  const sC = Math.sqrt(-2 * x);
  // b at the inflection point: d1 = 0, d2 = −s_c.
  const bC = 0.5 * expHalfX - (0.5 * erfc(sC * 0.7071067811865476)) / expHalfX;
  return beta < bC ? solveLow(beta, x, sC, bC, expHalfX) : solveHigh(beta, x, sC, expHalfX);
}

function solveLow(beta: number, x: number, sC: number, bC: number, expHalfX: number): number {
  const lnBeta = Math.log(beta);
  const invLnBeta = 1 / lnBeta;
  const x2 = x * x;
  let s = lowGuess(beta, lnBeta, x, sC, bC, expHalfX * INV_SQRT_2PI);
  let lo = 0;
  let hi = sC;
  let n = 0;
  while (n < MAX_ITERATIONS) {
    n++;
    evaluateOtmBlack(x, s, expHalfX, buffer);
    const b = buffer[B_PRICE];
    if (b < beta) lo = s;
    else hi = s;
    let next: number;
    if (b > 0) {
      const lnB = Math.log(b);
      const l1 = buffer[B_VEGA] / b;
      const s2 = s * s;
      const q2 = x2 / (s2 * s) - 0.25 * s;
      const q3 = q2 * q2 - (3 * x2) / (s2 * s2) - 0.25;
      const l2 = l1 * (q2 - l1);
      const h2 = q2 - l1 - (2 * l1) / lnB;
      const h3 = q3 - 3 * l1 * q2 + 2 * l1 * l1 - (6 * l2) / lnB + (6 * l1 * l1) / (lnB * lnB);
      const nu = ((1 / lnB - invLnBeta) * lnB * lnB) / l1;
      const step = (nu * (1 + 0.5 * h2 * nu)) / (1 + nu * (h2 + (h3 * nu) / 6));
      next = s + step;
      if (Math.abs(step) <= STEP_TOLERANCE * s) {
        s = next;
        break;
      }
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    } else next = 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * hi) break;
    s = next;
  }
  iterations = n;
  return s;
}

/**
 * Starting point below the inflection point, from three approximations each good in its
 * own zone: the tangent at s_c (b is convex there, so it overshoots only slightly near s_c),
 * a cubic Hermite interpolation of s² against f = 1/ln b between s = 0 and s_c, and, deep
 * out of the money, the Mills-ratio asymptote ln β ≈ −(h² + t²)/2 − ln√(2π) + ln(s/(h² − t²)).
 */
function lowGuess(beta: number, lnBeta: number, x: number, sC: number, bC: number, vC: number): number {
  const tangent = sC - (bC - beta) / vC;
  if (tangent >= 0.4 * sC) return tangent;
  const lnBC = Math.log(bC);
  const ratio = lnBC / lnBeta; // f/f_c in (0, 1)
  const slopeC = -(vC / bC) / (lnBC * lnBC); // df/ds at s_c
  const m0 = (-0.5 * x * x) / lnBC; // dw/df at 0, scaled by f_c
  const m1 = (2 * sC) / (slopeC * lnBC); // dw/df at s_c, scaled by f_c
  const r2 = ratio * ratio;
  const r3 = r2 * ratio;
  const w = (r3 - 2 * r2 + ratio) * m0 + (3 * r2 - 2 * r3) * 2 * -x + (r3 - r2) * m1;
  let s = w > 0 ? Math.sqrt(w) : 0.5 * tangent > 0 ? 0.5 * tangent : 0.1 * sC;
  const ax = -x;
  if (ax < 3 * s) return s;
  for (let k = 0; k < 3; k++) {
    const h = ax / s;
    const t = 0.5 * s;
    const d = h * h - t * t;
    const rhs = -2 * lnBeta - t * t - 2 * HALF_LN_2PI + 2 * Math.log(s / d);
    if (!(rhs > 0)) break;
    const next = ax / Math.sqrt(rhs);
    if (!(next < sC)) break;
    s = next;
  }
  return s;
}

function solveHigh(beta: number, x: number, sC: number, expHalfX: number): number {
  const gapBeta = expHalfX - beta;
  const lnGapBeta = Math.log(gapBeta);
  const x2 = x * x;
  let s = -2 * inverseNormalCdfApprox(gapBeta / (expHalfX + 1 / expHalfX));
  if (!(s > sC)) s = sC > 0 ? sC * 1.1 : 1e-3;
  if (!Number.isFinite(s)) s = sC + 1;
  let lo = sC;
  let hi = Infinity;
  let n = 0;
  while (n < MAX_ITERATIONS) {
    n++;
    evaluateOtmBlack(x, s, expHalfX, buffer);
    const gap = buffer[B_GAP];
    if (gap > gapBeta) lo = s;
    else hi = s;
    let next: number;
    if (gap > 0) {
      const u1 = -buffer[B_VEGA] / gap;
      const s2 = s * s;
      const q2 = x2 / (s2 * s) - 0.25 * s;
      const q3 = q2 * q2 - (3 * x2) / (s2 * s2) - 0.25;
      const h2 = q2 - u1;
      const h3 = q3 - 3 * u1 * q2 + 2 * u1 * u1;
      const nu = (lnGapBeta - Math.log(gap)) / u1;
      const step = (nu * (1 + 0.5 * h2 * nu)) / (1 + nu * (h2 + (h3 * nu) / 6));
      next = s + step;
      if (Math.abs(step) <= STEP_TOLERANCE * s) {
        s = next;
        break;
      }
      if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * s : 0.5 * (lo + hi);
    } else next = hi === Infinity ? 2 * s : 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * hi) break;
    s = next;
  }
  iterations = n;
  return s;
}
