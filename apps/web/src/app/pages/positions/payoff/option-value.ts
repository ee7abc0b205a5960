/**
 * The value of one European option for the payoff diagram: the domain's Black-Scholes (the
 * pricer the API uses for greeks), reached through its pure pricing entry point.
 */
import { blackScholes } from '@mcube/domain/pricing';

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

/**
 * Black-Scholes price; the intrinsic value once expired, without volatility, or at a level the
 * model does not price (a spot of 0 at the chart's edge: the pricer refuses it, a chart must not).
 */
export function optionValue({ type, spot, strike, years, rate, vol }: OptionValueInput): number {
  if (years <= 0 || vol <= 0 || spot <= 0 || strike <= 0) return intrinsicValue(type, spot, strike);
  return blackScholes({ type, spot, strike, years, rate, vol }).price;
}
