import { roundToTick, tickSize, type CallPut, type OptionSideQuote, type PriceSource } from '@mcube/domain';
import { modelStrikePrices, type RealOptionRow, type SkewParams } from '@mcube/market-sim';

/**
 * How option prices are made where the data has no real record, and the touch around every
 * price (real or modelled). Stated in every report.
 */
export interface OptionPricingParams {
  /** Continuous risk-free rate and dividend yield of the Black-Scholes model. */
  readonly rate: number;
  readonly dividendYield: number;
  /** Volatility skew around India VIX (market-sim's parametrisation). */
  readonly skew: SkewParams;
  /** Half the bid-ask spread, percent of the price (0.5 = 0.5%), at least `minHalfSpreadTicks` ticks. */
  readonly halfSpreadPct: number;
  readonly minHalfSpreadTicks: number;
}

/**
 * Defaults: India VIX as the at-the-money volatility with a skew of slope −0.05 and curvature
 * 0.04 (market-sim's parametrisation, in standard deviations of moneyness), fitted to the real
 * end-of-day records of the shared data (the 6,679 out-of-the-money options within 10% of the
 * close and 60 days of expiry, 2019–2026: median |ln(model ÷ real)| 0.19; the simulator's
 * −0.15/0.03 gives puts 1.5–1.7× too rich and calls a third of their price 5–10% out); a
 * half-spread of 0.5% of the price, at least one ₹0.05 tick.
 */
export const OPTION_PRICING_DEFAULTS: OptionPricingParams = Object.freeze({
  rate: 0.065,
  dividendYield: 0.012,
  skew: Object.freeze({ slope: -0.05, curvature: 0.04 }),
  halfSpreadPct: 0.5,
  minHalfSpreadTicks: 1,
});

/** One priced option side with where its price came from. */
export interface PricedSide extends OptionSideQuote {
  readonly bid: number;
  readonly ask: number;
}

/** The touch around `price` under the spread model: bid on the tick below, ask on the tick above, bid never below 0. */
export function touchAround(price: number, params: OptionPricingParams): { bid: number; ask: number } {
  const half = Math.max(params.minHalfSpreadTicks * tickSize, (price * params.halfSpreadPct) / 100);
  const ticks = price / tickSize;
  const whole = Math.round(ticks);
  if (Math.abs(ticks - whole) > 1e-7) return { bid: roundToTick(Math.max(0, price - half), 'DOWN'), ask: roundToTick(price + half, 'UP') };
  // On-tick price (every model price, most real ones): the same rounding in whole ticks, faster.
  const halfTicks = Math.ceil(half / tickSize - 1e-7);
  const rupees = (n: number) => Math.round(n * tickSize * 100) / 100;
  return { bid: rupees(Math.max(0, whole - halfTicks)), ask: rupees(whole + halfTicks) };
}

function quoted(price: number, source: PriceSource, params: OptionPricingParams, extra: Partial<OptionSideQuote>): PricedSide {
  return { lastPrice: price, source, ...touchAround(price, params), ...extra };
}

/** The modelled call and put of one strike (Black-Scholes at VIX with the skew, on the tick) and the volatility used. */
export function modelledStrike(input: { spot: number; strike: number; years: number; vix: number; params: OptionPricingParams }): { call: number; put: number; vol: number } {
  const { params } = input;
  return modelStrikePrices({ spot: input.spot, strike: input.strike, years: input.years, rate: params.rate, dividendYield: params.dividendYield, atmVol: input.vix / 100, skew: params.skew });
}

/**
 * One side of one strike: REAL (the record's traded price, its OI) when `real` has a price,
 * else MODELLED at `modelPrice` (keeping any real OI). The touch comes from the spread model
 * either way.
 */
export function priceSide(input: { type: CallPut; modelPrice: number; vol: number; real?: RealOptionRow; params: OptionPricingParams }): PricedSide {
  const { real, params } = input;
  const activity = real ? { ...(real.openInterest !== undefined ? { openInterest: real.openInterest } : {}), ...(real.volume !== undefined ? { volume: real.volume } : {}) } : {};
  if (real && real.price !== null) return quoted(real.price, 'REAL', params, { ...activity, ...(real.impliedVolatility !== undefined ? { impliedVolatility: real.impliedVolatility } : {}) });
  return quoted(input.modelPrice, 'MODELLED', params, { ...activity, impliedVolatility: input.vol });
}
