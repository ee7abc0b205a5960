import { DomainError } from '../errors/domain-error';
import { assertInteger } from '../validation/assert';
import { legKeyOf } from './leg-key';
import type { ApplyFillOutcome, PositionFill, PositionLeg, PositionState } from './position.types';

const OPENING_PURPOSES = new Set(['ENTRY', 'AVERAGE', 'ADJUST']);

function validate(fill: PositionFill): void {
  assertInteger('fill.quantity', fill.quantity, { min: 1 });
  assertInteger('fill.pricePaise', fill.pricePaise, { min: 0 });
  assertInteger('fill.chargesPaise', fill.chargesPaise, { min: 0 });
  if (fill.side !== 'BUY' && fill.side !== 'SELL') throw new DomainError('INVALID_ARGUMENT', `fill side must be BUY or SELL, got ${String(fill.side)}`);
}

function newLeg(fill: PositionFill): PositionLeg {
  return {
    legKey: legKeyOf(fill.instrument),
    instrument: fill.instrument,
    side: fill.side,
    quantity: 0,
    avgPricePaise: 0,
    lastPricePaise: null,
    exitPricePaise: null,
    realizedPnlPaise: 0,
    status: 'OPEN',
    filledBuyQuantity: 0,
    filledSellQuantity: 0,
    openedAtMs: fill.occurredAtMs,
    closedAtMs: null,
  };
}

function counted(leg: PositionLeg, fill: PositionFill): PositionLeg {
  return fill.side === 'BUY' ? { ...leg, filledBuyQuantity: leg.filledBuyQuantity + fill.quantity } : { ...leg, filledSellQuantity: leg.filledSellQuantity + fill.quantity };
}

function add(leg: PositionLeg, fill: PositionFill): PositionLeg {
  const quantity = leg.quantity + fill.quantity;
  // Rounded to the paisa after every adding fill, as the positions table stores it.
  const avgPricePaise = Math.round((leg.avgPricePaise * leg.quantity + fill.pricePaise * fill.quantity) / quantity);
  return { ...leg, quantity, avgPricePaise, side: fill.side, status: 'OPEN', closedAtMs: null };
}

function reduce(leg: PositionLeg, fill: PositionFill): { leg: PositionLeg; realizedPaise: number; closing: number } {
  const closing = Math.min(fill.quantity, leg.quantity);
  const perUnit = leg.side === 'BUY' ? fill.pricePaise - leg.avgPricePaise : leg.avgPricePaise - fill.pricePaise;
  const realizedPaise = perUnit * closing;
  // Units closed before this fill: every fill on the side opposite the leg, this one excluded.
  const closedBefore = (leg.side === 'BUY' ? leg.filledSellQuantity : leg.filledBuyQuantity) - fill.quantity;
  const exitPricePaise = closing > 0 ? Math.round(((leg.exitPricePaise ?? 0) * closedBefore + fill.pricePaise * closing) / (closedBefore + closing)) : leg.exitPricePaise;
  const quantity = leg.quantity - closing;
  const closed = quantity === 0;
  return {
    leg: { ...leg, exitPricePaise, realizedPnlPaise: leg.realizedPnlPaise + realizedPaise, quantity, status: closed ? 'CLOSED' : leg.status, closedAtMs: closed ? fill.occurredAtMs : leg.closedAtMs },
    realizedPaise,
    closing,
  };
}

/**
 * Applies one fill to a position: the API's `ApplyFillService` position step, pure.
 *
 * - A fill ADDS when the leg is missing or flat and the order's purpose opens (ENTRY,
 *   AVERAGE, ADJUST), or when it is on the leg's side: the quantity grows and the average
 *   price is re-weighted and rounded to the paisa; a SELL that opens an option leg adds its
 *   premium to `premiumCollectedPaise`.
 * - Otherwise it REDUCES: up to the open quantity closes at the fill price, realising
 *   (exit − average) per unit for a long leg, (average − exit) for a short one, gross; the
 *   leg's exit price is the quantity-weighted average of its closing fills; a leg at 0 is
 *   CLOSED. Units beyond the open quantity are not applied (`unappliedQuantity`).
 * - Every fill's charges come off the position's realised P&L, which is therefore net;
 *   `chargesPaise` sums them.
 * - A fill after cancel is a fill like any other: the order's status is not the position's
 *   business. A fill on a CLOSED position is applied and the position stays CLOSED
 *   (`onClosedPosition`), as the API does today.
 *
 * @throws DomainError INVALID_ARGUMENT for a non-positive or fractional quantity, a negative or
 * fractional price or charge, or a reducing fill (purpose EXIT, or opposite side) for a leg
 * the position does not hold at all.
 */
export function applyFill(position: PositionState, fill: PositionFill): ApplyFillOutcome {
  validate(fill);
  const key = legKeyOf(fill.instrument);
  const index = position.legs.findIndex((l) => l.legKey === key);
  const existing = index >= 0 ? position.legs[index] : undefined;
  const adds = !existing || existing.quantity === 0 ? OPENING_PURPOSES.has(fill.purpose) : existing.side === fill.side;
  if (!adds && !existing) {
    throw new DomainError('INVALID_ARGUMENT', `a ${fill.purpose} ${fill.side} fill for ${key}, a leg position ${position.positionId} does not hold`, { positionId: position.positionId, legKey: key });
  }
  const base = counted(existing ?? newLeg(fill), fill);
  let leg: PositionLeg;
  let realizedPaise = 0;
  let unappliedQuantity = 0;
  let premium = position.premiumCollectedPaise;
  if (adds) {
    leg = add(base, fill);
    if (fill.side === 'SELL' && fill.instrument.kind !== 'FUT') premium += fill.pricePaise * fill.quantity;
  } else {
    const reduced = reduce(base, fill);
    leg = reduced.leg;
    realizedPaise = reduced.realizedPaise;
    unappliedQuantity = fill.quantity - reduced.closing;
  }
  const legs = index >= 0 ? position.legs.map((l, i) => (i === index ? leg : l)) : [...position.legs, leg];
  return {
    position: {
      ...position,
      legs,
      premiumCollectedPaise: premium,
      realizedPnlPaise: position.realizedPnlPaise + realizedPaise - fill.chargesPaise,
      chargesPaise: position.chargesPaise + fill.chargesPaise,
    },
    effect: adds ? 'ADD' : 'REDUCE',
    realizedPaise,
    unappliedQuantity,
    onClosedPosition: position.status === 'CLOSED',
  };
}
