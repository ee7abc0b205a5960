import { blackScholes, DomainError, roundToTick, tickSize } from '@mcube/domain';

/** Volatility skew parameters: vol(k) = atm·(1 + slope·x + curvature·x²), x = ln(K/F)/(atm·√T). */
export interface SkewParams {
  readonly slope: number;
  readonly curvature: number;
}

/** NIFTY-like put skew (puts richer than calls); mild enough to keep call prices falling with strike. */
export const DEFAULT_SKEW: SkewParams = { slope: -0.15, curvature: 0.03 };

/** No skew: every strike at the at-the-money volatility (the replay's "VIX as volatility"). */
export const FLAT_SKEW: SkewParams = { slope: 0, curvature: 0 };

const MAX_STD_MONEYNESS = 4;

/**
 * The volatility of one strike under the skew, with moneyness measured in standard deviations
 * (so short expiries get a steeper smile per point, as in the market) and capped at ±4 of them.
 * Throws INVALID_ARGUMENT for a non-positive input.
 */
export function skewedVol(input: { atmVol: number; strike: number; forward: number; years: number; skew: SkewParams }): number {
  const { atmVol, strike, forward, years, skew } = input;
  if (!(atmVol > 0 && strike > 0 && forward > 0 && years >= 0)) {
    throw new DomainError('INVALID_ARGUMENT', 'skewedVol needs atmVol, strike, forward > 0 and years ≥ 0', { ...input });
  }
  if (years === 0) return atmVol;
  const raw = Math.log(strike / forward) / (atmVol * Math.sqrt(years));
  const x = Math.max(-MAX_STD_MONEYNESS, Math.min(MAX_STD_MONEYNESS, raw));
  return atmVol * Math.max(0.3, 1 + skew.slope * x + skew.curvature * x * x);
}

/** Tick-rounded model prices of the call and put of one strike, and the volatility used. */
export interface ModelStrikePrices {
  readonly call: number;
  readonly put: number;
  readonly vol: number;
}

/**
 * Call and put premiums (rupees, on the ₹0.05 tick) of one strike. The out-of-the-money side is
 * priced by Black-Scholes (at least one tick); the in-the-money side by put-call parity from the
 * rounded OTM price, so C − P equals S·e^{−qT} − K·e^{−rT} within half a tick and both stay
 * monotonic in strike. At expiry (years 0) both are intrinsic. Throws INVALID_ARGUMENT on bad input.
 */
export function modelStrikePrices(input: {
  spot: number;
  strike: number;
  years: number;
  rate: number;
  dividendYield: number;
  atmVol: number;
  skew: SkewParams;
}): ModelStrikePrices {
  const { spot, strike, years, rate, dividendYield } = input;
  const forward = spot * Math.exp((rate - dividendYield) * years);
  const vol = skewedVol({ atmVol: input.atmVol, strike, forward, years, skew: input.skew });
  const parity = spot * Math.exp(-dividendYield * years) - strike * Math.exp(-rate * years);
  const otmType = strike >= forward ? 'CE' : 'PE';
  const otmRaw = Math.max(0, blackScholes({ spot, strike, years, rate, vol, type: otmType, dividendYield }).price);
  const otm = years === 0 ? otmRaw : Math.max(tickSize, roundToTick(otmRaw, 'NEAREST'));
  const itm = roundToTick(Math.max(0, otmType === 'CE' ? otm - parity : otm + parity), 'NEAREST');
  return otmType === 'CE' ? { call: otm, put: itm, vol } : { call: itm, put: otm, vol };
}
