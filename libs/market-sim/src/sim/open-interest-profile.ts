import type { CallPut } from '@mcube/domain';

/** Units of option OI at a strike of weight 1 (a busy round NIFTY strike holds about 1–2 crore units). */
export const OPTION_OI_SCALE = 8_000_000;

/** How much more OI a strike attracts for being round: multiples of 500, 100, then the 50 grid. */
export function roundness(strike: number): number {
  if (strike % 500 === 0) return 3;
  if (strike % 100 === 0) return 1.8;
  return 1;
}

/**
 * Target open interest (units, a whole number of lots) of one option: option writers sell
 * out-of-the-money, so put OI sits below spot and call OI above it, decaying with distance,
 * concentrated at round strikes, and larger for near expiries. `noise` ∈ [0, 1) varies strikes
 * reproducibly (a hash of seed, expiry, strike and side).
 */
export function targetOpenInterest(input: {
  strike: number;
  spot: number;
  type: CallPut;
  daysToExpiry: number;
  lotSize: number;
  noise: number;
}): number {
  const { strike, spot, type, lotSize } = input;
  const otmDistance = type === 'PE' ? (spot - strike) / spot : (strike - spot) / spot;
  const side = otmDistance >= 0 ? Math.exp(-otmDistance / 0.035) : 0.12 * Math.exp(otmDistance / 0.01);
  const life = 1 / (1 + Math.max(0, input.daysToExpiry) / 14);
  const units = OPTION_OI_SCALE * roundness(strike) * side * life * (0.7 + 0.6 * input.noise);
  return Math.round(units / lotSize) * lotSize;
}

/**
 * Open interest now, between the previous close's OI and today's target, built up with the
 * day's activity `progress` ∈ [0, 1] (the U-shaped volume share traded so far).
 */
export function evolvingOpenInterest(input: { previousClose: number; target: number; progress: number; lotSize: number }): number {
  const raw = input.previousClose + (input.target - input.previousClose) * input.progress;
  return Math.max(0, Math.round(raw / input.lotSize) * input.lotSize);
}

/** Units traded so far today in one option: a share of its target OI, heavier near the money. */
export function optionVolume(input: { target: number; strike: number; spot: number; progress: number; lotSize: number }): number {
  const nearness = 0.4 + 2.5 * Math.exp(-Math.abs(input.strike - input.spot) / (0.01 * input.spot));
  return Math.round((input.target * nearness * input.progress) / input.lotSize) * input.lotSize;
}
