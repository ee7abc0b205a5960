import { DomainError } from '../errors/domain-error';
import { assertFinite, assertPositive } from '../validation/assert';
import { assertCallPut, CallPut } from './call-put';
import { solveOtmTotalVol } from './normalised-vol-solver';

/** Inputs of an implied-volatility solve; the model is that of `blackScholes`. */
export interface ImpliedVolatilityInput {
  /** Observed option premium in rupees (discounted, as traded). */
  price: number;
  spot: number;
  strike: number;
  /** Time to expiry in years (> 0). */
  years: number;
  rate: number;
  type: CallPut;
  dividendYield?: number;
}

/** How a premium sits against the model's no-arbitrage bounds. */
export type PremiumBoundsStatus = 'INSIDE' | 'AT_INTRINSIC' | 'BELOW_INTRINSIC' | 'AT_OR_ABOVE_CAP';

/** Result of `impliedVolatilityUnchecked`: a volatility, or the bound that prevented one. */
export interface ImpliedVolatilityOutcome {
  status: PremiumBoundsStatus;
  /** The implied volatility when status is INSIDE, 0 when AT_INTRINSIC, otherwise 0. */
  vol: number;
  /** Discounted intrinsic value max(±(S·e^{−qT} − K·e^{−rT}), 0), the lower bound. */
  intrinsic: number;
  /** The upper bound: S·e^{−qT} for a call, K·e^{−rT} for a put. */
  cap: number;
}

// An in-the-money time value within this many ulps of the bounds' scale is rounding noise.
const AT_INTRINSIC_ULPS = 8 * Number.EPSILON;

/**
 * Black-Scholes-Merton implied volatility of a European option premium. The solver converges
 * to rounding level (about 1e-12 relative); what remains is the premium's own rounding divided
 * by vega: within 1e-8 wherever vega per 1.00 of vol is at least 1e-6·spot (tested on 100,000+
 * NIFTY-like inputs; worst seen 2e-10).
 *
 * A premium equal to the discounted intrinsic value has no time value and returns 0, the
 * limit as volatility → 0. "Equal" means: in the money, within 8 ulps of max(S·e^{−qT}, K·e^{−rT})
 * (the rounding of the intrinsic value itself); out of the money, a premium of 0 or below
 * 1e-300·√(F·K), where doubles run out. 0 is not a valid `vol` for `blackScholes`: callers
 * treat it as "no volatility information".
 *
 * @throws DomainError PRICE_OUT_OF_BOUNDS (context: price, intrinsic, cap) when the premium is
 *   below the discounted intrinsic value or at/above the cap (S·e^{−qT} for calls, K·e^{−rT}
 *   for puts): no volatility produces it.
 * @throws DomainError INVALID_ARGUMENT when price is not finite, spot/strike/years are not > 0,
 *   rate/dividendYield are not finite or type is not 'CE'/'PE'.
 */
export function impliedVolatility(input: ImpliedVolatilityInput): number {
  assertFinite('price', input.price);
  assertPositive('spot', input.spot);
  assertPositive('strike', input.strike);
  assertPositive('years', input.years);
  assertFinite('rate', input.rate);
  assertFinite('dividendYield', input.dividendYield ?? 0);
  assertCallPut('type', input.type);
  const outcome = impliedVolatilityUnchecked(input);
  if (outcome.status === 'BELOW_INTRINSIC' || outcome.status === 'AT_OR_ABOVE_CAP') {
    const where = outcome.status === 'BELOW_INTRINSIC' ? `below the discounted intrinsic value ${outcome.intrinsic}` : `at or above the no-arbitrage cap ${outcome.cap}`;
    throw new DomainError('PRICE_OUT_OF_BOUNDS', `premium ${input.price} of the ${input.strike} ${input.type} is ${where}: no volatility gives it`, {
      price: input.price,
      intrinsic: outcome.intrinsic,
      cap: outcome.cap,
      spot: input.spot,
      strike: input.strike,
      years: input.years,
      rate: input.rate,
      type: input.type,
    });
  }
  return outcome.vol;
}

/**
 * The solve behind `impliedVolatility` without input checks and without throwing, for the
 * chain pricer: out-of-bounds premiums come back as a status. Requires validated inputs
 * (finite price, spot/strike/years > 0, finite rates); always returns finite numbers then.
 * Writes into `out` when given (so a loop over a chain allocates nothing) and returns it.
 */
export function impliedVolatilityUnchecked(
  input: ImpliedVolatilityInput,
  out: ImpliedVolatilityOutcome = { status: 'INSIDE', vol: 0, intrinsic: 0, cap: 0 },
): ImpliedVolatilityOutcome {
  const { price, spot, strike, years, rate } = input;
  const q = input.dividendYield ?? 0;
  const isCall = input.type === 'CE';
  const discount = Math.exp(-rate * years);
  const forwardDisc = spot * Math.exp(-q * years);
  const strikeDisc = strike * discount;
  const intrinsic = Math.max(isCall ? forwardDisc - strikeDisc : strikeDisc - forwardDisc, 0);
  out.intrinsic = intrinsic;
  out.cap = isCall ? forwardDisc : strikeDisc;
  out.vol = 0;
  const timeValue = price - intrinsic;
  // In the money, intrinsic is a difference of two rounded numbers: a time value within its
  // rounding is noise. Out of the money the premium is all time value, however small.
  const noise = intrinsic > 0 ? AT_INTRINSIC_ULPS * Math.max(forwardDisc, strikeDisc) : 0;
  if (timeValue < -noise) out.status = 'BELOW_INTRINSIC';
  else if (price >= out.cap) out.status = 'AT_OR_ABOVE_CAP';
  else if (timeValue <= noise) out.status = 'AT_INTRINSIC';
  else {
    // Normalised Black: the time value is the price of the out-of-the-money twin (parity).
    const otmX = -Math.abs(Math.log(forwardDisc / strikeDisc));
    const beta = timeValue / Math.sqrt(forwardDisc * strikeDisc);
    if (!(beta < Math.exp(0.5 * otmX))) out.status = 'AT_OR_ABOVE_CAP';
    // A premium of a few denormals (below 1e-300 of the strike) is no time value at all.
    else if (!(beta > 1e-300)) out.status = 'AT_INTRINSIC';
    else {
      out.status = 'INSIDE';
      out.vol = solveOtmTotalVol(beta, otmX) / Math.sqrt(years);
    }
  }
  return out;
}
