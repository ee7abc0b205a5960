import type { InstrumentId } from '../instruments/instrument-id';
import type { OrderSide } from '../orders/order-types';

/** The broker an mCube account trades through. */
export type BrokerName = 'KOTAK' | 'ICICI';

/** Exchange segment an order goes to; throttles and freeze limits are per segment. */
export type ExchangeSegment = 'NFO-OPT' | 'NFO-FUT';

/** The contract an order is for: the domain's one instrument identity (`InstrumentId`). */
export type IntentInstrument = InstrumentId;

/** One leg of a multi-leg entry, as the entry-shape rule sees it. */
export interface EntryLegShape {
  readonly instrument: IntentInstrument;
  readonly side: OrderSide;
  /** Units. */
  readonly quantity: number;
}

/** A person's recorded yes for an order (ICICI entries and averaging need one). */
export interface OrderApproval {
  readonly approvedBy: string;
  /** When it was given, UTC epoch ms. */
  readonly approvedAt: number;
  /**
   * The single-use token the approval queue minted for exactly this order (account,
   * instrument, side, quantity, price band, expiry): the gateway verifies and consumes it.
   */
  readonly token?: string;
}
