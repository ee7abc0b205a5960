/**
 * Approximate inverse of the standard normal CDF (P. J. Acklam's rational approximation,
 * relative error below 1.2e-9). Used only for starting guesses, never as a final answer.
 */
const A0 = -39.69683028665376, A1 = 220.9460984245205, A2 = -275.9285104469687;
const A3 = 138.357751867269, A4 = -30.66479806614716, A5 = 2.506628277459239;
const B0 = -54.47609879822406, B1 = 161.5858368580409, B2 = -155.6989798598866;
const B3 = 66.80131188771972, B4 = -13.28068155288572;
const C0 = -0.007784894002430293, C1 = -0.3223964580411365, C2 = -2.400758277161838;
const C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
const D0 = 0.007784695709041462, D1 = 0.3224671290700398, D2 = 2.445134137142996;
const D3 = 3.754408661907416;
const P_LOW = 0.02425;

/**
 * z with Φ(z) ≈ p for p in (0, 1), relative error below 1.2e-9; −∞ for p <= 0 and +∞
 * for p >= 1 (callers pass probabilities strictly inside (0, 1)).
 */
export function inverseNormalCdfApprox(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW) return lowerTail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -lowerTail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) /
    (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}

function lowerTail(q: number): number {
  return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
}
