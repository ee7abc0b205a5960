import type { Paise } from '../money/paise';
import type { InstrumentId } from '../instruments/instrument-id';
import type { OrderPurpose, OrderSide, OrderType } from '../orders/order-types';

/** The broker an mCube account trades through. */
export type BrokerName = 'KOTAK' | 'ICICI';

/** Exchange segment an order goes to; throttles and freeze limits are per segment. */
export type ExchangeSegment = 'NFO-OPT' | 'NFO-FUT';

/** The contract an intent is for: the domain's one instrument identity (`InstrumentId`). */
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

/**
 * What a strategy, the UI, REST, Telegram or LLM advice asks for, before risk checks.
 * Quantities are units (not lots); money is paise; prices are rupees.
 */
export interface OrderIntent {
  readonly accountId: string;
  readonly broker: BrokerName;
  readonly segment: ExchangeSegment;
  readonly instrument: IntentInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly orderType: OrderType;
  readonly limitPrice?: number;
  readonly purpose: OrderPurpose;
  /** True when the order only shrinks an existing position (computed by the caller from the position). */
  readonly reducesPosition: boolean;
  /** The position this order belongs to: lets the second leg of a strangle entry through the one-position rule. */
  readonly positionId?: string;
  readonly approval?: OrderApproval;
  /**
   * Every leg of the entry this order is part of, itself included (a strangle: the CE and the
   * PE, sent together); absent for a single-leg order. The entry-shape rule reads it.
   */
  readonly entryLegs?: readonly EntryLegShape[];
  /**
   * Margin the order (with its other entry legs) will block: computed by the order gateway
   * (`orderFigures`, or the broker's margin API when larger), never taken from a caller.
   */
  readonly estimatedMarginPaise: Paise;
  /** Set when the gateway could not compute the margin (no spot for a short option): new risk is refused. */
  readonly marginUnknownReason?: string;
  /** Loss if the order's stop is hit (per-trade risk), computed like the margin. */
  readonly estimatedRiskPaise: Paise;
  /** Notional the order adds (underlying value of a short option, contract value for futures), computed like the margin. */
  readonly estimatedExposurePaise: Paise;
  /** The underlying's spot the gateway read for this command (its market data), when it had one: the test-order rule measures "far out of the money" from it. */
  readonly underlyingSpot?: number;
}

/**
 * True when the intent only reduces risk: `reducesPosition` AND purpose EXIT or ADJUST.
 * An ENTRY or AVERAGE never counts as reducing, whatever the flag says, and an EXIT that
 * would not reduce (e.g. the position is already flat) is treated as a new risk. Entry-only
 * rules (margin, loss limits, one position, targets…) never block a reducing intent.
 */
export function isReducingIntent(intent: Pick<OrderIntent, 'purpose' | 'reducesPosition'>): boolean {
  return intent.reducesPosition === true && (intent.purpose === 'EXIT' || intent.purpose === 'ADJUST');
}
