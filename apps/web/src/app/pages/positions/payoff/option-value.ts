/**
 * Black-Scholes value of one European option, for the payoff diagram only (display, not
 * trading: the web console may not import @mcube/domain, whose pricer the API uses).
 */

/** Standard normal CDF Φ(x), Abramowitz & Stegun 26.2.17 (|error| < 7.5e-8: far below a chart pixel). */
export function normCdf(x: number): number {
  if (x < 0) return 1 - normCdf(-x);
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - 0.3989422804014327 * Math.exp(-0.5 * x * x) * poly;
}

/** Inputs of one option value: levels in points, `years` ACT/365, `rate` and `vol` as fractions. */
export interface OptionValueInput {
  type: 'CE' | 'PE';
  spot: number;
  strike: number;
  years: number;
  rate: number;
  vol: number;
}

/** Intrinsic value at expiry. */
export function intrinsicValue(type: 'CE' | 'PE', spot: number, strike: number): number {
  return Math.max(type === 'CE' ? spot - strike : strike - spot, 0);
}

/** Black-Scholes price; the intrinsic value once expired or without volatility. */
export function optionValue({ type, spot, strike, years, rate, vol }: OptionValueInput): number {
  if (years <= 0 || vol <= 0) return intrinsicValue(type, spot, strike);
  const volSqrtT = vol * Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * years) / volSqrtT;
  const d2 = d1 - volSqrtT;
  const strikeDisc = strike * Math.exp(-rate * years);
  return type === 'CE' ? spot * normCdf(d1) - strikeDisc * normCdf(d2) : strikeDisc * normCdf(-d2) - spot * normCdf(-d1);
}
