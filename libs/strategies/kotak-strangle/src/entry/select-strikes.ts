import {
  adjustStrikesForDirectionalBias,
  adjustStrikesForSupportResistance,
  nearestListedStrike,
  strangleStrikes,
  supportResistanceFromOi,
  type DirectionalBias,
  type OptionChainSnapshot,
  type StrangleStrikes,
} from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';
import type { StrikeSelection, StrikeStep } from './entry-evaluation';

/**
 * The directional bias of the documented rule (the plan names the adjustment but gives no
 * formula): the NIFTY change over the last three completed days strictly above
 * `thresholdPct` is BULLISH, strictly below −`thresholdPct` BEARISH, else NEUTRAL.
 */
export function directionalBiasOf(nifty3dChangePct: number, thresholdPct: number): DirectionalBias {
  if (nifty3dChangePct > thresholdPct) return 'BULLISH';
  if (nifty3dChangePct < -thresholdPct) return 'BEARISH';
  return 'NEUTRAL';
}

/**
 * Step 1 alone: the formula's strikes (`strangleStrikes`, VIX-adjusted distance × days, rounded
 * to `roundTo`). A distance under half the step rounds both to one strike (`callStrike <=
 * putStrike`): no strangle, and the later steps cannot run.
 */
export function formulaStrikes(input: { spot: number; vix: number; daysToExpiry: number; config: KotakStrangleConfig }): StrangleStrikes {
  const { spot, vix, daysToExpiry, config: c } = input;
  return strangleStrikes({
    spot,
    vix,
    daysToExpiry,
    baseDeltaPct: c.baseDeltaPct,
    roundTo: c.roundTo,
    vixElevatedAbove: c.vixElevatedAbove,
    vixHighAbove: c.vixHighAbove,
    elevatedMultiplier: c.elevatedMultiplier,
    highMultiplier: c.highMultiplier,
  });
}

/**
 * The strangle's strikes, in this order (each step recorded with its reason):
 * 1. `strangleStrikes` (VIX-adjusted distance × days, rounded to `roundTo`);
 * 2. `adjustStrikesForSupportResistance` with OI levels from the chain (`supportResistanceFromOi`);
 * 3. `adjustStrikesForDirectionalBias` with `directionalBiasOf(3-day change)`;
 * 4. `nearestListedStrike` in the chain (never closer to spot).
 * Returns null strikes in the last step when the chain lists none far enough out.
 * @throws DomainError from the domain rules for bad inputs, and when the formula's strikes
 *   collapse into one (check `formulaStrikes` first).
 */
export function selectStrangleStrikes(input: {
  spot: number;
  vix: number;
  daysToExpiry: number;
  nifty3dChangePct: number;
  chain: OptionChainSnapshot;
  config: KotakStrangleConfig;
}): StrikeSelection & { listed: boolean } {
  const { spot, chain, config: c } = input;
  const formula = formulaStrikes(input);
  const oiLevels = supportResistanceFromOi({
    spot,
    calls: chain.strikes.filter((r) => r.call).map((r) => ({ strike: r.strike, oi: r.call?.openInterest ?? 0 })),
    puts: chain.strikes.filter((r) => r.put).map((r) => ({ strike: r.strike, oi: r.put?.openInterest ?? 0 })),
  });
  const supportResistance = adjustStrikesForSupportResistance({
    callStrike: formula.callStrike,
    putStrike: formula.putStrike,
    spot,
    resistance: oiLevels.resistance,
    support: oiLevels.support,
    roundTo: c.roundTo,
    bufferPoints: c.supportResistanceBufferPoints,
  });
  const bias = directionalBiasOf(input.nifty3dChangePct, c.biasThresholdPct);
  const biasAdjusted = adjustStrikesForDirectionalBias({
    callStrike: supportResistance.callStrike,
    putStrike: supportResistance.putStrike,
    bias,
    roundTo: c.roundTo,
    shiftSteps: c.biasShiftSteps,
  });
  const call = nearestListedStrike({ strike: biasAdjusted.callStrike, listedStrikes: chain.strikes.filter((r) => r.call).map((r) => r.strike), type: 'CE' });
  const put = nearestListedStrike({ strike: biasAdjusted.putStrike, listedStrikes: chain.strikes.filter((r) => r.put).map((r) => r.strike), type: 'PE' });
  const steps: StrikeStep[] = [
    { step: 'FORMULA', callStrike: formula.callStrike, putStrike: formula.putStrike, reason: formula.reason },
    { step: 'SUPPORT_RESISTANCE', callStrike: supportResistance.callStrike, putStrike: supportResistance.putStrike, reason: supportResistance.reason },
    { step: 'DIRECTIONAL_BIAS', callStrike: biasAdjusted.callStrike, putStrike: biasAdjusted.putStrike, reason: `${biasAdjusted.reason} (3-day change ${input.nifty3dChangePct}%)` },
  ];
  const listed = call !== null && put !== null;
  if (listed) steps.push({ step: 'LISTED', callStrike: call, putStrike: put, reason: `Listed strikes in the ${chain.expiry} chain: call ${call}, put ${put}` });
  return {
    formula,
    oiLevels,
    supportResistance,
    bias,
    biasAdjusted,
    callStrike: call ?? biasAdjusted.callStrike,
    putStrike: put ?? biasAdjusted.putStrike,
    steps,
    listed,
  };
}
