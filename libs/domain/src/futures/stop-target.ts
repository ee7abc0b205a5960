import { DomainError } from '../errors/domain-error';
import { ceilDiv, floorDiv, RATIO_SCALE, scaledRatio } from '../margin/exact-ratio';
import { assertPositive } from '../validation/assert';
import { FuturesDirection } from './futures-direction';
import { ICICI_FUTURES_DEFAULTS } from './futures.defaults';

/** Result of {@link futuresStopAndTarget}. Prices in rupees, on the tick. */
export interface StopAndTarget {
  readonly stopLoss: number;
  readonly target: number;
  /** |entry − stop| per unit. */
  readonly riskPerUnit: number;
  /** |target − entry| per unit. */
  readonly rewardPerUnit: number;
}

const MICRO = 1_000_000;

/**
 * Stop-loss and target of a futures entry (plan §3: 0.5% and 1% by default). The stop is
 * rounded to the tick TOWARDS the entry (never a bigger loss than planned) and the target
 * AWAY from it, so the reward ÷ risk ratio is never below the exact one (1:2 by default).
 *
 * @throws DomainError INVALID_ARGUMENT for a non-positive entry or tick, a bad direction, or
 * percentages outside (0, 1).
 */
export function futuresStopAndTarget(input: {
  entryPrice: number;
  direction: FuturesDirection;
  stopLossPct?: number;
  targetPct?: number;
  tickSize?: number;
}): StopAndTarget {
  const { entryPrice, direction } = input;
  const d = ICICI_FUTURES_DEFAULTS;
  const stopLossPct = input.stopLossPct ?? d.stopLossPct;
  const targetPct = input.targetPct ?? d.targetPct;
  const tickSize = input.tickSize ?? d.tickSize;
  assertPositive('entryPrice', entryPrice);
  assertPositive('tickSize', tickSize);
  if (direction !== 'LONG' && direction !== 'SHORT') throw new DomainError('INVALID_ARGUMENT', `direction must be LONG or SHORT, got ${String(direction)}`);
  if (!(stopLossPct > 0 && stopLossPct < 1) || !(targetPct > 0 && targetPct < 1)) {
    throw new DomainError('INVALID_ARGUMENT', `stopLossPct and targetPct are fractions in (0, 1), got ${stopLossPct}, ${targetPct}`);
  }
  const e = BigInt(Math.round(entryPrice * MICRO));
  const tick = BigInt(Math.round(tickSize * MICRO));
  const denom = RATIO_SCALE * tick;
  const sl = scaledRatio('stopLossPct', stopLossPct);
  const tp = scaledRatio('targetPct', targetPct);
  const long = direction === 'LONG';
  // LONG: stop below (round up), target above (round up). SHORT: stop above (round down), target below (round down).
  const stopTicks = long ? ceilDiv(e * (RATIO_SCALE - sl), denom) : floorDiv(e * (RATIO_SCALE + sl), denom);
  const targetTicks = long ? ceilDiv(e * (RATIO_SCALE + tp), denom) : floorDiv(e * (RATIO_SCALE - tp), denom);
  const stopM = stopTicks * tick;
  const targetM = targetTicks * tick;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  return {
    stopLoss: Number(stopM) / MICRO,
    target: Number(targetM) / MICRO,
    riskPerUnit: Number(abs(e - stopM)) / MICRO,
    rewardPerUnit: Number(abs(targetM - e)) / MICRO,
  };
}

/** Result of {@link riskRewardOk}. */
export interface RiskRewardCheck {
  readonly ok: boolean;
  /** reward ÷ risk. */
  readonly ratio: number;
  readonly reason: string;
}

/**
 * Reward-to-risk check (plan §3: at least 1:2). ok iff (target − entry) ÷ (entry − stop) ≥
 * minRatio for a LONG (mirror for a SHORT), compared exactly on micro-rupees.
 *
 * @throws DomainError INVALID_ARGUMENT when the stop or target is on the wrong side of the
 * entry, or prices/ratio are not positive.
 */
export function riskRewardOk(input: {
  entryPrice: number;
  stopLoss: number;
  target: number;
  direction: FuturesDirection;
  minRatio?: number;
}): RiskRewardCheck {
  const { entryPrice, stopLoss, target, direction } = input;
  const minRatio = input.minRatio ?? ICICI_FUTURES_DEFAULTS.minRiskRewardRatio;
  assertPositive('entryPrice', entryPrice);
  assertPositive('stopLoss', stopLoss);
  assertPositive('target', target);
  assertPositive('minRatio', minRatio);
  const sign = direction === 'LONG' ? 1n : direction === 'SHORT' ? -1n : 0n;
  if (sign === 0n) throw new DomainError('INVALID_ARGUMENT', `direction must be LONG or SHORT, got ${String(direction)}`);
  const e = BigInt(Math.round(entryPrice * MICRO));
  const risk = (e - BigInt(Math.round(stopLoss * MICRO))) * sign;
  const reward = (BigInt(Math.round(target * MICRO)) - e) * sign;
  if (risk <= 0n || reward <= 0n) {
    throw new DomainError('INVALID_ARGUMENT', `for a ${direction} the stop must be on the losing side and the target on the winning side of ${entryPrice}`, {
      entryPrice,
      stopLoss,
      target,
    });
  }
  const ok = reward * RATIO_SCALE >= scaledRatio('minRatio', minRatio) * risk;
  const ratio = Number(reward) / Number(risk);
  return { ok, ratio, reason: `Reward:risk ${ratio.toFixed(2)} ${ok ? '≥' : '<'} ${minRatio}` };
}

