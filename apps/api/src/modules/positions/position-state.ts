import { legKeyOf, type IntentInstrument, type PositionLeg as LegState, type PositionState } from '@mcube/domain';
import type { PositionLeg } from './entities/position-leg.entity';
import type { Position } from './entities/position.entity';

/** The contract of a stored leg, as the domain's position accounting names it. */
export function legInstrumentOf(leg: Pick<PositionLeg, 'underlying' | 'instrumentType' | 'expiryDate' | 'strike'>): IntentInstrument {
  return leg.instrumentType === 'FUT'
    ? { underlying: leg.underlying, kind: 'FUT', expiry: leg.expiryDate }
    : { underlying: leg.underlying, kind: 'OPT', expiry: leg.expiryDate, strike: leg.strike ?? undefined, optionType: leg.instrumentType };
}

/**
 * A stored leg as the domain's `PositionLeg`. `legKey` defaults to the key of the row's own
 * contract; the fill path passes the key of the fill it matched by trading symbol, so the
 * domain finds the same row the query found. `filled` are the units filled on each side over
 * the leg's life (the weights of the exit price average), 0 when the caller does not need them.
 */
export function legStateOf(leg: PositionLeg, options: { legKey?: string; filled?: { buy: number; sell: number } } = {}): LegState {
  const instrument = legInstrumentOf(leg);
  return {
    legKey: options.legKey ?? legKeyOf(instrument),
    instrument,
    side: leg.side,
    quantity: leg.quantity,
    avgPricePaise: leg.avgPricePaise,
    lastPricePaise: leg.lastPricePaise,
    exitPricePaise: leg.exitPricePaise,
    realizedPnlPaise: leg.realizedPnlPaise,
    status: leg.status,
    filledBuyQuantity: options.filled?.buy ?? 0,
    filledSellQuantity: options.filled?.sell ?? 0,
    openedAtMs: leg.openedAt.getTime(),
    closedAtMs: leg.closedAt ? leg.closedAt.getTime() : null,
  };
}

/**
 * A stored position and (some of) its legs as the domain's `PositionState`. The table keeps no
 * charges column: `chargesPaise` is what the caller summed from the executions (0 when it
 * does not need it).
 */
export function positionStateOf(position: Position, legs: readonly LegState[], chargesPaise = 0): PositionState {
  return {
    positionId: String(position.id),
    accountId: String(position.accountId),
    underlying: position.underlying,
    expiry: position.expiryDate,
    status: position.status,
    quantity: position.quantity,
    legs,
    premiumCollectedPaise: position.premiumCollectedPaise,
    marginUsedPaise: position.marginUsedPaise,
    entryValuePaise: position.entryValuePaise,
    realizedPnlPaise: position.realizedPnlPaise,
    chargesPaise,
    unrealizedPnlPaise: position.unrealizedPnlPaise,
    openedAtMs: position.openedAt.getTime(),
    closedAtMs: position.closedAt ? position.closedAt.getTime() : null,
    exitReason: position.exitReason,
  };
}

/** The columns of a leg row the domain's accounting changes, from its `PositionLeg` state. */
export function legColumnsOf(leg: LegState): Pick<PositionLeg, 'side' | 'quantity' | 'avgPricePaise' | 'lastPricePaise' | 'exitPricePaise' | 'realizedPnlPaise' | 'status' | 'closedAt'> {
  return {
    side: leg.side,
    quantity: leg.quantity,
    avgPricePaise: leg.avgPricePaise,
    lastPricePaise: leg.lastPricePaise,
    exitPricePaise: leg.exitPricePaise,
    realizedPnlPaise: leg.realizedPnlPaise,
    status: leg.status,
    closedAt: leg.closedAtMs === null ? null : new Date(leg.closedAtMs),
  };
}
