/** Where the underlying settles at expiry with ~68% (±1σ) and ~95% (±2σ) probability. */
export interface SigmaBands {
  oneLow: number;
  oneHigh: number;
  twoLow: number;
  twoHigh: number;
}

/**
 * The ±1σ and ±2σ settlement bands at expiry for a lognormal underlying: spot·e^{±kσ√T}.
 * Null without a spot, a volatility (fraction) or time left.
 */
export function sigmaBands(spot: number | null, vol: number | null, years: number): SigmaBands | null {
  if (spot === null || !(spot > 0) || vol === null || !(vol > 0) || !(years > 0)) return null;
  const s = vol * Math.sqrt(years);
  const at = (k: number) => Math.round(spot * Math.exp(k * s) * 100) / 100;
  return { oneLow: at(-1), oneHigh: at(1), twoLow: at(-2), twoHigh: at(2) };
}

/**
 * The price levels the payoff chart must show: strikes, breakevens, spot and the ±2σ band
 * (not ±6% of everything, which squashes a strangle's plateau into a sliver).
 */
export function readableLevels(input: { strikes: readonly number[]; breakevens: readonly number[]; spot: number | null; bands: SigmaBands | null }): number[] {
  const bands = input.bands ? [input.bands.twoLow, input.bands.twoHigh] : [];
  return [...input.strikes, ...input.breakevens, ...(input.spot !== null ? [input.spot] : []), ...bands].filter((v) => v > 0);
}

/**
 * The lowest P&L the chart's axis shows: the curve's minimum, but never below three times the
 * best profit, so an unlimited-loss tail does not flatten the profit plateau. Rupees.
 */
export function payoffAxisFloor(pnls: readonly number[]): number | undefined {
  if (pnls.length === 0) return undefined;
  const best = Math.max(...pnls);
  const worst = Math.min(...pnls);
  if (!(best > 0) || worst >= 0) return undefined;
  return Math.max(worst, -3 * best);
}
