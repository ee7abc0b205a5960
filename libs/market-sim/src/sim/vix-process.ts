import type { Prng } from './prng';
import { TRADING_DAYS_PER_YEAR, VOL_REGIMES, type VolRegime } from './sim-config';

/** Mean reversion speed of log VIX (per year), its volatility, and its correlation with NIFTY shocks. */
export const VIX_DYNAMICS = { kappa: 6, volOfVol: 0.9, correlation: -0.7, min: 8, max: 85 } as const;

/**
 * One step of India VIX: log-VIX mean-reverts towards the regime's level with a shock
 * correlated (−0.7) with the NIFTY shock `niftyShock` (a standard normal) of the same step.
 * `dtDays` is the step's length in trading days (a share of the day's variance). Clamped to
 * [8, 85], the range India VIX has lived in.
 */
export function stepVix(input: { vix: number; regime: VolRegime; dtDays: number; niftyShock: number; prng: Prng }): number {
  const { kappa, volOfVol, correlation, min, max } = VIX_DYNAMICS;
  const dtYears = input.dtDays / TRADING_DAYS_PER_YEAR;
  const target = Math.log(VOL_REGIMES[input.regime].meanVix);
  const own = input.prng.normal();
  const shock = correlation * input.niftyShock + Math.sqrt(1 - correlation * correlation) * own;
  const logNext = Math.log(input.vix) + kappa * (target - Math.log(input.vix)) * dtYears + volOfVol * Math.sqrt(dtYears) * shock;
  return Math.min(max, Math.max(min, Math.exp(logNext)));
}

/** The regime of the next day: a daily Markov switch with the probabilities of `VOL_REGIMES`. */
export function nextRegime(regime: VolRegime, prng: Prng): VolRegime {
  let u = prng.uniform();
  for (const [to, p] of VOL_REGIMES[regime].next) {
    if (u < p) return to;
    u -= p;
  }
  return regime;
}
