import { normalCdf } from '../../pricing/normal-distribution';
import type { PriceInterval } from './expiry-payoff';

/**
 * P(settle ≤ level) when the underlying is lognormal around today's spot with no drift in
 * expectation (forward = spot): ln(S_T/S) ~ N(−σ²T/2, σ²T).
 */
function settleCdf(level: number, spot: number, sigmaRootT: number): number {
  if (level <= 0) return 0;
  return normalCdf((Math.log(level / spot) + (sigmaRootT * sigmaRootT) / 2) / sigmaRootT);
}

/**
 * Probability that the position ends in profit at expiry: the lognormal probability mass
 * of its profit intervals, at volatility `vol` (a fraction) over `years`. Returns a fraction
 * in [0, 1]; null when spot, vol or time is not positive (nothing to spread the price over).
 * Sensibull's convention (IV-based lognormal, no drift); a model figure, not a forecast.
 */
export function probabilityOfProfit(input: { intervals: readonly PriceInterval[]; spot: number | null; vol: number | null; years: number }): number | null {
  const { spot, vol, years } = input;
  if (spot === null || !(spot > 0) || vol === null || !(vol > 0) || !(years > 0)) return null;
  const s = vol * Math.sqrt(years);
  const p = input.intervals.reduce((sum, i) => sum + (i.high === null ? 1 : settleCdf(i.high, spot, s)) - settleCdf(i.low, spot, s), 0);
  return Math.min(Math.max(p, 0), 1);
}
