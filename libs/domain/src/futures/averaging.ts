import { DomainError } from '../errors/domain-error';
import { ceilDiv, floorDiv, RATIO_SCALE, scaledRatio } from '../margin/exact-ratio';
import { assertPaise, formatPaise, fractionOfPaise, Paise } from '../money/paise';
import { assertInteger, assertPositive } from '../validation/assert';
import { ICICI_FUTURES_DEFAULTS } from './futures.defaults';
import { FuturesDirection } from './futures-direction';

/** Inputs of {@link averagingDecision}. Prices in rupees; `…Pct` are fractions. */
export interface AveragingInput {
  readonly direction: FuturesDirection;
  /** Current average entry price of the open position. */
  readonly averagePrice: number;
  readonly currentPrice: number;
  /** Units open now (absolute). */
  readonly openQuantity: number;
  /** Units of the first entry: averaging adds this again ("equal quantity"), whole lots. */
  readonly originalQuantity: number;
  readonly lotSize: number;
  /** Averaging fills already made on this position. */
  readonly attemptsMade: number;
  /** Default 2; at most 3 (DECISIONS §1). */
  readonly maxAttempts?: number;
  /** Margin available now, paise. */
  readonly availableMarginPaise: Paise;
  readonly marginPerLotPaise: Paise;
  /** Default 0.01 (1% against the average). */
  readonly triggerPct?: number;
  /** Stop distance from the new average; default 0.005. */
  readonly stopLossPct?: number;
  /** Share of available margin attempt k may use; default [0.2, 0.5, 0.5]. */
  readonly attemptCaps?: readonly number[];
  /** Default ₹0.05. */
  readonly tickSize?: number;
}

/** Result of {@link averagingDecision}. Always needs a person's approval on ICICI. */
export interface AveragingDecision {
  readonly action: 'AVERAGE' | 'HOLD';
  readonly lots: number;
  readonly quantity: number;
  /** The attempt this decision is about (attemptsMade + 1). */
  readonly attempt: number;
  /** Most margin this attempt may use, paise (0 when no attempt is left). */
  readonly marginCapPaise: Paise;
  /** Price at which averaging triggers (1% against the average). */
  readonly triggerPrice: number;
  /** Average after the fill, assuming it fills at the current price (to 1e-6 rupee). */
  readonly newAveragePrice?: number;
  /** Stop 0.5% from the new average, rounded to the tick towards the average (tighter). */
  readonly newStopLoss?: number;
  readonly requiresApproval: true;
  readonly reason: string;
}

const MICRO = 1_000_000;
const micro = (rupees: number) => BigInt(Math.round(rupees * MICRO));

/**
 * Futures averaging, DECISIONS.md §1: at most `maxAttempts` (default 2, ≤ 3) fills;
 * triggers when price is `triggerPct` against the average entry (LONG: price ≤ avg × 0.99;
 * SHORT: price ≥ avg × 1.01, boundaries included, compared exactly); attempt k may use at
 * most 20% / 50% / 50% of the then-available margin; quantity is the original quantity
 * reduced to the whole lots that cap allows, and never a zero-lot order (HOLD instead).
 * Returns the new average and the stop `stopLossPct` from it assuming a fill at the current
 * price. `requiresApproval` is always true: every averaging order needs a person.
 *
 * @throws DomainError INVALID_ARGUMENT for maxAttempts > 3 or < 0, non-positive prices,
 * an original quantity that is not whole lots, bad caps or non-integer paise.
 */
export function averagingDecision(input: AveragingInput): AveragingDecision {
  const d = ICICI_FUTURES_DEFAULTS;
  const { direction, averagePrice, currentPrice, openQuantity, originalQuantity, lotSize, attemptsMade } = input;
  const maxAttempts = input.maxAttempts ?? d.maxAverageAttempts;
  const triggerPct = input.triggerPct ?? d.averageTriggerPct;
  const stopLossPct = input.stopLossPct ?? d.averagedStopLossPct;
  const caps = input.attemptCaps ?? d.averagingMarginCaps;
  const tickSize = input.tickSize ?? d.tickSize;
  if (direction !== 'LONG' && direction !== 'SHORT') throw new DomainError('INVALID_ARGUMENT', `direction must be LONG or SHORT, got ${String(direction)}`);
  assertInteger('maxAttempts', maxAttempts, { min: 0 });
  if (maxAttempts > 3) throw new DomainError('INVALID_ARGUMENT', `maxAttempts may be at most 3 (DECISIONS §1), got ${maxAttempts}`);
  if (caps.length < maxAttempts || caps.some((c) => !(c > 0 && c <= 1))) {
    throw new DomainError('INVALID_ARGUMENT', `attemptCaps needs ${maxAttempts} fractions in (0, 1], got [${caps.join(', ')}]`);
  }
  assertPositive('averagePrice', averagePrice);
  assertPositive('currentPrice', currentPrice);
  assertPositive('tickSize', tickSize);
  assertInteger('lotSize', lotSize, { min: 1 });
  assertInteger('openQuantity', openQuantity, { min: 1 });
  assertInteger('originalQuantity', originalQuantity, { min: lotSize });
  if (originalQuantity % lotSize !== 0) throw new DomainError('INVALID_ARGUMENT', `originalQuantity ${originalQuantity} is not whole lots of ${lotSize}`);
  assertInteger('attemptsMade', attemptsMade, { min: 0 });
  assertPaise('availableMarginPaise', input.availableMarginPaise);
  assertPaise('marginPerLotPaise', input.marginPerLotPaise);
  if (input.marginPerLotPaise <= 0) throw new DomainError('INVALID_ARGUMENT', 'marginPerLotPaise must be > 0');
  if (!(triggerPct > 0 && triggerPct < 1) || !(stopLossPct > 0 && stopLossPct < 1)) {
    throw new DomainError('INVALID_ARGUMENT', `triggerPct and stopLossPct are fractions in (0, 1), got ${triggerPct}, ${stopLossPct}`);
  }

  const long = direction === 'LONG';
  const t = scaledRatio('triggerPct', triggerPct);
  const avgM = micro(averagePrice);
  const priceM = micro(currentPrice);
  const triggerFactor = long ? RATIO_SCALE - t : RATIO_SCALE + t;
  const triggerPrice = Math.round(Number(avgM * triggerFactor / RATIO_SCALE)) / MICRO;
  const attempt = attemptsMade + 1;
  const hold = (marginCapPaise: Paise, reason: string): AveragingDecision =>
    ({ action: 'HOLD', lots: 0, quantity: 0, attempt, marginCapPaise, triggerPrice, requiresApproval: true, reason });

  if (attemptsMade >= maxAttempts) return hold(0, `No averaging: ${attemptsMade} of ${maxAttempts} attempts already used`);
  const triggered = long ? priceM * RATIO_SCALE <= avgM * triggerFactor : priceM * RATIO_SCALE >= avgM * triggerFactor;
  const capFraction = caps[attempt - 1];
  const marginCapPaise = fractionOfPaise(Math.max(0, input.availableMarginPaise), capFraction);
  if (!triggered) {
    return hold(marginCapPaise, `No averaging: price ${currentPrice} has not reached the trigger ${triggerPrice} (${triggerPct * 100}% against average ${averagePrice})`);
  }
  const wantedLots = originalQuantity / lotSize;
  const capLots = Number(floorDiv(BigInt(marginCapPaise), BigInt(input.marginPerLotPaise)));
  const lots = Math.min(wantedLots, capLots);
  const capText = `attempt ${attempt} cap ${capFraction * 100}% of available ${formatPaise(Math.max(0, input.availableMarginPaise))} = ${formatPaise(marginCapPaise)}`;
  if (lots === 0) return hold(marginCapPaise, `No averaging: ${capText} is below one lot's margin ${formatPaise(input.marginPerLotPaise)}`);

  const addQty = lots * lotSize;
  const total = BigInt(openQuantity + addQty);
  const sum = avgM * BigInt(openQuantity) + priceM * BigInt(addQty);
  const newAveragePrice = Number((sum * 2n + total) / (total * 2n)) / MICRO;
  // Stop from the exact new average, rounded to the tick towards the average (never looser).
  const s = scaledRatio('stopLossPct', stopLossPct);
  const tickM = micro(tickSize);
  const denom = total * RATIO_SCALE * tickM;
  const ticks = long ? ceilDiv(sum * (RATIO_SCALE - s), denom) : floorDiv(sum * (RATIO_SCALE + s), denom);
  const newStopLoss = Number(ticks * tickM) / MICRO;
  const reduced = lots < wantedLots ? ` (reduced from ${wantedLots} lots by the cap)` : '';
  return {
    action: 'AVERAGE',
    lots,
    quantity: addQty,
    attempt,
    marginCapPaise,
    triggerPrice,
    newAveragePrice,
    newStopLoss,
    requiresApproval: true,
    reason: `Average ${direction}: add ${lots} lots (${addQty} units)${reduced} at ${currentPrice}, ${capText}; new average ${newAveragePrice}, stop ${newStopLoss}. Needs approval.`,
  };
}
