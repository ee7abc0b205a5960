import type { MetricsLeg } from './metrics-leg';
import { openLegs, sideSign } from './metrics-leg';

/** The whole position's greeks, signed for each leg's side (a short option earns theta: positive Θ). */
export interface NetGreeks {
  /** Rupees gained per calendar day from time decay, all else equal. */
  readonly thetaRupeesPerDay: number;
  /** Rupees gained per +1 volatility point (short premium loses: negative). */
  readonly vegaRupeesPerVolPoint: number;
  /** Delta in underlying units (a future counts 1 per unit). */
  readonly deltaUnits: number;
  /** Change of deltaUnits per index point. */
  readonly gammaUnitsPerPoint: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Net greeks of the open legs: Σ signed units × per-unit greek (theta per day and vega per vol
 * point are already rupees per unit). Null when no open option leg has greeks and no future is
 * open (nothing to add up). A leg with null greeks counts zero and makes the total partial.
 */
export function netGreeks(legs: readonly MetricsLeg[]): NetGreeks | null {
  const open = openLegs(legs);
  const futures = open.filter((l) => l.optionType === null);
  const priced = open.filter((l) => l.optionType !== null && l.greeks !== null);
  if (futures.length === 0 && priced.length === 0) return null;
  let theta = 0;
  let vega = 0;
  let delta = 0;
  let gamma = 0;
  for (const l of futures) delta += sideSign(l) * l.quantity;
  for (const l of priced) {
    const q = sideSign(l) * l.quantity;
    const g = l.greeks;
    if (!g) continue;
    theta += q * (g.theta ?? 0);
    vega += q * (g.vega ?? 0);
    delta += q * (g.delta ?? 0);
    gamma += q * (g.gamma ?? 0);
  }
  return { thetaRupeesPerDay: round2(theta), vegaRupeesPerVolPoint: round2(vega), deltaUnits: round2(delta), gammaUnitsPerPoint: Math.round(gamma * 1e4) / 1e4 };
}
