import { assertInteger } from '../validation/assert';
import type { Paise } from '../money/paise';
import type { PositionLeg, PositionState } from './position.types';

/**
 * Unrealised P&L of the open legs at their last marks, paise: (last − average) × quantity for
 * a long leg, (average − last) × quantity for a short one; a leg never marked counts 0.
 * Pure; never throws.
 */
export function unrealizedPnlOf(legs: readonly PositionLeg[]): Paise {
  let sum = 0;
  for (const l of legs) {
    if (l.quantity <= 0 || l.lastPricePaise === null) continue;
    sum += (l.side === 'BUY' ? l.lastPricePaise - l.avgPricePaise : l.avgPricePaise - l.lastPricePaise) * l.quantity;
  }
  return sum;
}

/**
 * Marks a position to market: each OPEN leg with a mark in `marksPaise` (by leg key, paise > 0)
 * takes it as its last price; a leg without one keeps its previous mark (a missing quote does
 * not zero a leg). The position's unrealised P&L is recomputed from the legs. The API's
 * position monitor, pure. A CLOSED position is returned unchanged.
 * @throws DomainError INVALID_ARGUMENT for a mark that is not whole paise.
 */
export function markPosition(position: PositionState, marksPaise: ReadonlyMap<string, Paise>): PositionState {
  if (position.status !== 'ACTIVE') return position;
  const legs = position.legs.map((leg) => {
    const mark = marksPaise.get(leg.legKey);
    if (leg.status !== 'OPEN' || leg.quantity <= 0 || mark === undefined || mark <= 0) return leg;
    assertInteger(`mark of ${leg.legKey}`, mark);
    return { ...leg, lastPricePaise: mark };
  });
  return { ...position, legs, unrealizedPnlPaise: unrealizedPnlOf(legs) };
}

/**
 * The P&L a position carries now, paise: realised (net of every fill's charges so far),
 * unrealised at the marks, and their sum, the "open P&L" the risk checks add to the day's,
 * week's and month's figures. Pure.
 */
export function positionPnl(position: Pick<PositionState, 'realizedPnlPaise' | 'unrealizedPnlPaise'>): { realizedNetPaise: Paise; unrealizedPaise: Paise; openPnlPaise: Paise } {
  return { realizedNetPaise: position.realizedPnlPaise, unrealizedPaise: position.unrealizedPnlPaise, openPnlPaise: position.realizedPnlPaise + position.unrealizedPnlPaise };
}
