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

/**
 * Today's positioning in one stock future, drawn at the open. `noise` is a standard normal draw
 * (the day's unexplained OI drift), `u1`, `u2` ∈ [0, 1) reproducible hashes (seed, date, symbol).
 * - Fresh positions (long or short buildup) with probability 0.6, else closing ones (short
 *   covering, long unwinding): the sign of the sensitivity.
 * - Sensitivity 1.5–4.5 (log-OI per log-price move): a 1.5% move with fresh positions adds 2–7% OI.
 * - Drift: 3% a day at random, pulled back towards the stock's base OI (15% of the log gap a
 *   day) and less the mean buildup of a day (about 0.8%), so OI stays near its base over years.
 */
export function stockOiPositioning(input: { previousClose: number; base: number; noise: number; u1: number; u2: number }): { drift: number; sensitivity: number } {
  const sign = input.u1 < 0.6 ? 1 : -1;
  const sensitivity = sign * (1.5 + 3 * input.u2);
  const drift = 0.03 * input.noise - 0.15 * Math.log(input.previousClose / input.base) - 0.008;
  return { drift, sensitivity };
}

/**
 * Near-month stock futures OI now (units, whole lots, at least one lot): the previous close's OI
 * moved by the day's drift as the day's activity `progress` ∈ [0, 1] accrues, and by the price
 * move so far (`priceLogChange`, log of price ÷ previous close) times the day's sensitivity.
 * Positions follow the move: on a day of fresh positions OI rises with any move (long buildup
 * up, short buildup down), on a day of closing ones it falls (short covering up, long unwinding
 * down); a quiet stock keeps its OI. This is what makes the plan §6 OI signal (± 5% with the
 * price) appear on trending mornings, as it does in the market.
 */
export function stockFuturesOpenInterest(input: { previousClose: number; drift: number; sensitivity: number; priceLogChange: number; progress: number; lotSize: number }): number {
  const units = input.previousClose * Math.exp(input.drift * input.progress + input.sensitivity * Math.abs(input.priceLogChange));
  return Math.max(input.lotSize, Math.round(units / input.lotSize) * input.lotSize);
}
