import type { BrokerInstrument, BrokerOrderState, BrokerTrade, IsoDate, OrderSide, Paise, TradeCharges } from '@mcube/domain';

/**
 * One order in the paper broker's own order book, as stored. Quantities are units; prices
 * rupees on the tick; `filledValuePaise` is Σ price × quantity of its fills (average price =
 * filledValuePaise ÷ filledQuantity). `sequence` orders the book (time priority) and never repeats.
 */
export interface PaperOrder {
  readonly brokerOrderId: string;
  /** The tag field: mCube's clientOrderId. Not unique: a broker has no idempotency key. */
  readonly clientOrderId: string;
  readonly accountId: string;
  readonly instrument: BrokerInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly limitPrice: number;
  readonly product: 'NRML' | 'MIS';
  readonly validity: 'DAY' | 'IOC';
  readonly state: BrokerOrderState;
  readonly filledQuantity: number;
  readonly filledValuePaise: Paise;
  readonly rejectReason?: string;
  /** IST date the order was placed: a DAY order lives until that day ends. */
  readonly tradeDate: IsoDate;
  readonly sequence: number;
  /** UTC epoch ms. */
  readonly placedAtMs: number;
  /** UTC epoch ms of the last change. */
  readonly updatedAtMs: number;
}

/** One paper execution: a `BrokerTrade` plus what the ledger needs (product, IST date, charges). */
export interface PaperTrade extends BrokerTrade {
  readonly clientOrderId: string;
  readonly product: 'NRML' | 'MIS';
  /** IST date of the fill: dates the charge rates. */
  readonly tradeDate: IsoDate;
  /** Charges of this fill from the domain cost model (`tradeCharges`). */
  readonly charges: TradeCharges;
}

/**
 * A net position per instrument and product. `netQuantity` is signed (+ long, − short);
 * `openValuePaise` ≥ 0 is the cost (long) or proceeds (short) of the open quantity;
 * `realisedPaise` is gross realised P&L; `chargesPaise` Σ charges of every fill. Flat
 * positions are kept (their realised P&L stays on record).
 */
export interface PaperPosition {
  /** `positionKeyOf(instrument, product)`: unique in the book. */
  readonly key: string;
  readonly instrument: BrokerInstrument;
  readonly product: 'NRML' | 'MIS';
  readonly netQuantity: number;
  readonly openValuePaise: Paise;
  readonly realisedPaise: Paise;
  readonly chargesPaise: Paise;
  readonly updatedAtMs: number;
}

/** Id counters of the book; ids are never reused, even across restarts. */
export interface PaperBookCounters {
  /** Orders ever placed (the last order's sequence). */
  readonly orders: number;
  /** Trades ever made. */
  readonly trades: number;
}

/** Everything the paper broker persists. */
export interface PaperBookSnapshot {
  readonly orders: readonly PaperOrder[];
  readonly trades: readonly PaperTrade[];
  readonly positions: readonly PaperPosition[];
  readonly counters: PaperBookCounters;
}

/**
 * The changes of ONE event (an order placed, canceled or expired; one fill), saved
 * atomically: `orders` and `positions` are upserts (by `brokerOrderId` / `key`), `trades`
 * are inserts (a `tradeId` is never saved twice), `counters` replaces the stored counters.
 */
export interface PaperBookChange {
  readonly orders: readonly PaperOrder[];
  readonly trades: readonly PaperTrade[];
  readonly positions: readonly PaperPosition[];
  readonly counters: PaperBookCounters;
  /**
   * Set on the change that places an order the caller will be told was accepted (not when an
   * injected timeout hides the answer): a store may record that acknowledgement in the same
   * transaction as the book (the API journals the broker's ACCEPTED with it: one commit, not two).
   */
  readonly acknowledges?: { readonly clientOrderId: string; readonly brokerOrderId: string; readonly atMs: number };
}

/** An empty book (first start). */
export const EMPTY_PAPER_BOOK: PaperBookSnapshot = Object.freeze({
  orders: [],
  trades: [],
  positions: [],
  counters: Object.freeze({ orders: 0, trades: 0 }),
});
