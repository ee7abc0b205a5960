import type { Prng } from './prng';
import { TRADING_DAYS_PER_YEAR } from './sim-config';

/** Inputs of one index step. */
export interface IndexStepInput {
  readonly level: number;
  /** India VIX in force (annualised percent): the step's volatility. */
  readonly vix: number;
  /** Share of one trading day's variance this step carries (intraday activity or the overnight share). */
  readonly dayFraction: number;
  readonly jumpsPerYear: number;
  readonly jumpStd: number;
  /** Standard normal diffusion shock (drawn by the caller so VIX and stocks can correlate with it). */
  readonly shock: number;
  readonly prng: Prng;
}

/**
 * One step of NIFTY: a martingale log-return whose total variance (diffusion plus jumps) is
 * (VIX/100)²/252 per trading day times `dayFraction`, so realised volatility matches VIX in
 * expectation. Jumps arrive as a Poisson process (Bernoulli per small step) with normal log sizes;
 * the diffusion gets what is left of the variance. Returns the new level.
 */
export function stepIndex(input: IndexStepInput): number {
  const sigma = input.vix / 100;
  const stepVariance = ((sigma * sigma) / TRADING_DAYS_PER_YEAR) * input.dayFraction;
  const jumpChance = Math.min(1, (input.jumpsPerYear / TRADING_DAYS_PER_YEAR) * input.dayFraction);
  const jumpVariance = jumpChance * input.jumpStd * input.jumpStd;
  const diffusionVariance = Math.max(0, stepVariance - jumpVariance);
  let logReturn = -0.5 * diffusionVariance + Math.sqrt(diffusionVariance) * input.shock;
  if (jumpChance > 0 && input.prng.uniform() < jumpChance) {
    logReturn += input.jumpStd * input.prng.normal() - 0.5 * input.jumpStd * input.jumpStd;
  }
  return input.level * Math.exp(logReturn);
}
