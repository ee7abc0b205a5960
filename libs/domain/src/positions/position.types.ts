import type { Paise } from '../money/paise';
import type { OrderPurpose, OrderSide } from '../orders/order-types';
import type { IntentInstrument } from '../risk/order-terms';
import type { IsoDate } from '../time/ist-date';

/** Lifecycle of a position: ACTIVE from the entry intent until every leg is flat and no order can still trade. */
export type PositionStatus = 'ACTIVE' | 'CLOSED';

/**
 * One leg of a position (one contract), as the positions table holds it. `quantity` is the
 * OPEN quantity, unsigned, on `side` (a short leg is SELL with a positive quantity). Prices
 * and P&L are paise per unit / in total; `realizedPnlPaise` is the leg's GROSS price
 * difference on the units it closed (charges sit on the position).
 */
export interface PositionLeg {
  /** Identity of the contract inside the position (see `legKeyOf`). */
  readonly legKey: string;
  readonly instrument: IntentInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  /** Average price of the open quantity, paise, rounded to the paisa after each adding fill. */
  readonly avgPricePaise: Paise;
  /** Last mark, paise; null until marked. */
  readonly lastPricePaise: Paise | null;
  /** Average price of the closing fills, paise; null until something closed. */
  readonly exitPricePaise: Paise | null;
  readonly realizedPnlPaise: Paise;
  readonly status: 'OPEN' | 'CLOSED';
  /** Units filled on each side over the leg's life (the weights of the exit price average). */
  readonly filledBuyQuantity: number;
  readonly filledSellQuantity: number;
  readonly openedAtMs: number;
  readonly closedAtMs: number | null;
}

/**
 * A position: the legs one strategy decision opened, built only from fills. `realizedPnlPaise`
 * is NET: Σ legs' gross realised P&L minus the charges of every fill so far.
 */
export interface PositionState {
  readonly positionId: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly status: PositionStatus;
  /** Units the entry asked for (per leg). */
  readonly quantity: number;
  readonly legs: readonly PositionLeg[];
  /** Σ premium of SELL fills that opened option legs, paise. */
  readonly premiumCollectedPaise: Paise;
  /** Margin and notional the entry intent declared (the exposure the risk checks count). */
  readonly marginUsedPaise: Paise;
  readonly entryValuePaise: Paise;
  readonly realizedPnlPaise: Paise;
  /** Σ charges of every fill so far, paise. */
  readonly chargesPaise: Paise;
  readonly unrealizedPnlPaise: Paise;
  readonly openedAtMs: number;
  readonly closedAtMs: number | null;
  readonly exitReason: string | null;
}

/** One execution as the position sees it: what the broker reported plus the order's purpose. */
export interface PositionFill {
  readonly instrument: IntentInstrument;
  /** Side of the ORDER that traded. */
  readonly side: OrderSide;
  /** Purpose of the order: decides whether a fill on a flat leg opens it. */
  readonly purpose: OrderPurpose;
  /** Units, > 0. */
  readonly quantity: number;
  readonly pricePaise: Paise;
  /** Charges the broker reported with the fill (0 when none), paise ≥ 0. */
  readonly chargesPaise: Paise;
  /** When it traded, UTC epoch ms. */
  readonly occurredAtMs: number;
}

/** What one fill did to a position. */
export interface ApplyFillOutcome {
  readonly position: PositionState;
  /** ADD: opened or grew the leg; REDUCE: closed (part of) it. */
  readonly effect: 'ADD' | 'REDUCE';
  /** Gross P&L this fill realised, paise (0 for an adding fill). */
  readonly realizedPaise: Paise;
  /**
   * Units of a reducing fill beyond the leg's open quantity (an over-close). The API drops
   * them today (see the positions README); reported here so a caller can raise them.
   */
  readonly unappliedQuantity: number;
  /** True when the fill landed on a position already CLOSED (it stays CLOSED: see the README). */
  readonly onClosedPosition: boolean;
}
