import { DomainError } from '../errors/domain-error';
import { assertFinite, assertNonNegative, assertPositive } from '../validation/assert';
import { assertCallPut, CallPut } from './call-put';
import { ERF_CENTRAL_LIMIT, erfCentral, erfcxTail } from './normal-distribution';

/** Inputs of the Black-Scholes-Merton model; levels and prices in rupees/points. */
export interface BlackScholesInput {
  /** Underlying level now (> 0). */
  spot: number;
  /** Strike (> 0). */
  strike: number;
  /** Time to expiry in years (ACT/365 is the house convention); 0 means at expiry. */
  years: number;
  /** Continuously compounded risk-free rate, e.g. 0.065 for 6.5 % (may be negative). */
  rate: number;
  /** Annualised volatility, e.g. 0.15 for 15 % (> 0). */
  vol: number;
  type: CallPut;
  /** Continuous dividend yield q (default 0). */
  dividendYield?: number;
}

/**
 * Price and sensitivities of one European option. Units are the ones traders quote:
 * theta per calendar day, vega per volatility point (0.01), rho per 1 % of rate.
 */
export interface OptionGreeks {
  price: number;
  /** ∂price/∂spot. */
  delta: number;
  /** ∂²price/∂spot². */
  gamma: number;
  /** ∂price/∂t per calendar day (annual theta / 365); negative means time decay. */
  theta: number;
  /** Price change for +0.01 of volatility. */
  vega: number;
  /** Price change for +0.01 of rate. */
  rho: number;
}

const DAYS_PER_YEAR = 365;
const INV_SQRT_2 = 0.7071067811865476;
const INV_SQRT_2PI = 0.3989422804014327;

/** Φ(−|d|) given expD = exp(−d²/2) (Cody's erfc, with the exponential supplied). */
function lowerTail(d: number, expD: number): number {
  const y = Math.abs(d) * INV_SQRT_2;
  if (y <= ERF_CENTRAL_LIMIT) return 0.5 - 0.5 * erfCentral(y);
  return 0.5 * expD * erfcxTail(y);
}

/**
 * Black-Scholes-Merton price and greeks of a European option with continuous dividend
 * yield q:  call = S·e^{−qT}·Φ(d1) − K·e^{−rT}·Φ(d2),  put = K·e^{−rT}·Φ(−d2) − S·e^{−qT}·Φ(−d1).
 *
 * At `years` = 0 the option is worth its intrinsic value; gamma, theta, vega and rho are 0,
 * and delta is ±1 in the money, 0 out of it and ±0.5 exactly at the strike (the limit of
 * the model's delta as T → 0).
 *
 * @throws DomainError INVALID_ARGUMENT if spot, strike or vol is not > 0, years is negative,
 *   rate or dividendYield is not finite, type is not 'CE'/'PE', or the inputs are so extreme
 *   that a result would not be a finite number.
 */
export function blackScholes(input: BlackScholesInput): OptionGreeks {
  const { spot, strike, years, rate, vol, type } = input;
  const q = input.dividendYield ?? 0;
  assertPositive('spot', spot);
  assertPositive('strike', strike);
  assertNonNegative('years', years);
  assertFinite('rate', rate);
  assertPositive('vol', vol);
  assertFinite('dividendYield', q);
  assertCallPut('type', type);
  const result = years === 0 ? atExpiry(spot, strike, type) : greeksUnchecked(input);
  // The sum is finite iff every term is (±Infinity stays infinite, ∞ − ∞ and NaN give NaN).
  const all = result.price + result.delta + result.gamma + result.theta + result.vega + result.rho;
  if (!Number.isFinite(all)) {
    throw new DomainError('INVALID_ARGUMENT', 'inputs are outside the numeric range of the model (a result is not finite)', { ...input });
  }
  return result;
}

function atExpiry(spot: number, strike: number, type: CallPut): OptionGreeks {
  const call = type === 'CE';
  const price = Math.max(call ? spot - strike : strike - spot, 0);
  const atStrike = spot === strike;
  const inMoney = call ? spot > strike : spot < strike;
  const magnitude = atStrike ? 0.5 : inMoney ? 1 : 0;
  return { price, delta: call ? magnitude : -magnitude, gamma: 0, theta: 0, vega: 0, rho: 0 };
}

/**
 * Black-Scholes-Merton price and greeks without input checks, for callers that validated
 * already (the chain pricer reuses one input object). Requires spot, strike, years, vol > 0,
 * finite rate and dividend yield; otherwise the result may hold NaN.
 */
export function greeksUnchecked(input: BlackScholesInput): OptionGreeks {
  const { spot, strike, years, rate, vol } = input;
  const q = input.dividendYield ?? 0;
  const isCall = input.type === 'CE';
  const sqrtT = Math.sqrt(years);
  const volSqrtT = vol * sqrtT;
  const d1 = (Math.log(spot / strike) + (rate - q + 0.5 * vol * vol) * years) / volSqrtT;
  const d2 = d1 - volSqrtT;
  const dividendDiscount = Math.exp(-q * years);
  const spotDisc = spot * dividendDiscount;
  const strikeDisc = strike * Math.exp(-rate * years);
  // One exponential serves φ(d1), Φ(d1) and Φ(d2): exp(−d2²/2) = exp(−d1²/2)·S·e^{−qT}/(K·e^{−rT}).
  const expD1 = Math.exp(-0.5 * d1 * d1);
  const pdf = INV_SQRT_2PI * expD1;
  const lowerD1 = lowerTail(d1, expD1); // Φ(−|d1|)
  const lowerD2 = lowerTail(d2, (expD1 * spotDisc) / strikeDisc); // Φ(−|d2|)
  const nd1 = d1 < 0 ? lowerD1 : 1 - lowerD1;
  const nd2 = d2 < 0 ? lowerD2 : 1 - lowerD2;
  const gamma = (dividendDiscount * pdf) / (spot * volSqrtT);
  const vegaAnnual = spotDisc * pdf * sqrtT;
  const decay = (-spotDisc * pdf * vol) / (2 * sqrtT);
  if (isCall) {
    return {
      price: spotDisc * nd1 - strikeDisc * nd2,
      delta: dividendDiscount * nd1,
      gamma,
      theta: (decay - rate * strikeDisc * nd2 + q * spotDisc * nd1) / DAYS_PER_YEAR,
      vega: vegaAnnual / 100,
      rho: (strikeDisc * years * nd2) / 100,
    };
  }
  const nmd1 = d1 > 0 ? lowerD1 : 1 - lowerD1;
  const nmd2 = d2 > 0 ? lowerD2 : 1 - lowerD2;
  return {
    price: strikeDisc * nmd2 - spotDisc * nmd1,
    delta: -dividendDiscount * nmd1,
    gamma,
    theta: (decay + rate * strikeDisc * nmd2 - q * spotDisc * nmd1) / DAYS_PER_YEAR,
    vega: vegaAnnual / 100,
    rho: (-strikeDisc * years * nmd2) / 100,
  };
}
