import type { OrderEventType } from './order-event';
import type { OrderStatus } from './order-types';

/**
 * Where a legal (status, event) pair leads.
 * - a status: always that status;
 * - `{ byFills: S }`: FILLED when filled quantity reaches the order quantity, else S;
 * - `'PREVIOUS'`: back to the status before the cancel request (PARTIALLY_FILLED if fills
 *   arrived meanwhile).
 */
export type OrderTransitionTarget = OrderStatus | { readonly byFills: OrderStatus } | 'PREVIOUS';

/** One legal row of the order lifecycle. */
export interface OrderTransition {
  readonly from: OrderStatus;
  readonly on: OrderEventType;
  readonly to: OrderTransitionTarget;
}

const PARTIAL = { byFills: 'PARTIALLY_FILLED' } as const;

/**
 * THE order lifecycle: every legal (status, event) pair, nothing else. Any pair not listed
 * is illegal and `applyOrderEvent` throws ILLEGAL_TRANSITION. Terminal statuses DENIED,
 * REJECTED, FILLED and EXPIRED accept nothing.
 */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = Object.freeze([
  // Journaled, not yet sent.
  { from: 'INITIALIZED', on: 'DENIED', to: 'DENIED' },
  { from: 'INITIALIZED', on: 'SUBMITTED', to: 'SUBMITTED' },
  { from: 'INITIALIZED', on: 'CANCELED', to: 'CANCELED' }, // withdrawn before it left mCube

  // In flight.
  { from: 'SUBMITTED', on: 'SEND_TIMED_OUT', to: 'SUBMITTED' }, // unknown, never rejected: settled by updates, tag lookup, reconciliation
  { from: 'SUBMITTED', on: 'ACCEPTED', to: 'ACCEPTED' }, // also the late ack after a timeout
  { from: 'SUBMITTED', on: 'REJECTED', to: 'REJECTED' }, // includes reconciliation proving the broker never had it
  { from: 'SUBMITTED', on: 'FILLED', to: PARTIAL }, // odd but real: the trade report overtakes the ack
  { from: 'SUBMITTED', on: 'CANCEL_REQUESTED', to: 'PENDING_CANCEL' }, // cancel by tag before the ack arrives
  { from: 'SUBMITTED', on: 'CANCELED', to: 'CANCELED' }, // ack lost, cancel seen first (e.g. IOC, broker RMS)
  { from: 'SUBMITTED', on: 'EXPIRED', to: 'EXPIRED' }, // ack lost, found expired at end of day

  // Working at the broker.
  { from: 'ACCEPTED', on: 'REJECTED', to: 'REJECTED' }, // broker acked, exchange refused it afterwards
  { from: 'ACCEPTED', on: 'FILLED', to: PARTIAL },
  { from: 'ACCEPTED', on: 'CANCEL_REQUESTED', to: 'PENDING_CANCEL' },
  { from: 'ACCEPTED', on: 'CANCELED', to: 'CANCELED' }, // unsolicited: canceled by the broker/exchange
  { from: 'ACCEPTED', on: 'EXPIRED', to: 'EXPIRED' },

  { from: 'PARTIALLY_FILLED', on: 'FILLED', to: PARTIAL },
  { from: 'PARTIALLY_FILLED', on: 'CANCEL_REQUESTED', to: 'PENDING_CANCEL' },
  { from: 'PARTIALLY_FILLED', on: 'CANCELED', to: 'CANCELED' }, // the rest canceled; the filled part stays
  { from: 'PARTIALLY_FILLED', on: 'EXPIRED', to: 'EXPIRED' }, // the rest expired; the filled part stays

  // Cancel requested, no answer yet.
  { from: 'PENDING_CANCEL', on: 'ACCEPTED', to: 'PENDING_CANCEL' }, // the ack of a SUBMITTED order arrives after our cancel request
  { from: 'PENDING_CANCEL', on: 'REJECTED', to: 'REJECTED' }, // the order itself was refused before the cancel mattered
  { from: 'PENDING_CANCEL', on: 'FILLED', to: { byFills: 'PENDING_CANCEL' } }, // fill after cancel request: the cancel may still lose the race
  { from: 'PENDING_CANCEL', on: 'CANCELED', to: 'CANCELED' },
  { from: 'PENDING_CANCEL', on: 'CANCEL_REJECTED', to: 'PREVIOUS' },
  { from: 'PENDING_CANCEL', on: 'EXPIRED', to: 'EXPIRED' },

  // Terminal, with one exception brokers really produce.
  { from: 'CANCELED', on: 'FILLED', to: { byFills: 'CANCELED' } }, // a late fill after CANCELED: the trade happened, count it
] as const satisfies readonly OrderTransition[]);

const LOOKUP = new Map<string, OrderTransitionTarget>(ORDER_TRANSITIONS.map((t) => [`${t.from}|${t.on}`, t.to]));

/** The target of (status, event) in `ORDER_TRANSITIONS`, or undefined when the pair is illegal. */
export function orderTransitionTarget(from: OrderStatus, on: OrderEventType): OrderTransitionTarget | undefined {
  return LOOKUP.get(`${from}|${on}`);
}
