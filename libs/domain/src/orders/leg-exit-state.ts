import { isTerminal } from './order-status';
import type { OrderStatus } from './order-types';

/**
 * Where the exit of one position leg stands:
 * - FLAT: nothing open any more;
 * - WORKING: an exit order of the leg may still trade;
 * - HELD: the last exit order was canceled by a person: it is not sent again until someone asks;
 * - CHASING: an exit of the position is requested and nothing is working: it is (re)sent at the
 *   touch (after a cancel because the market ran away, a rejection, an expiry);
 * - NONE: no exit requested and none working.
 */
export type LegExitState = 'NONE' | 'WORKING' | 'CHASING' | 'HELD' | 'FLAT';

/** One exit order of the leg, as the rule reads it. */
export interface LegExitOrder {
  readonly status: OrderStatus;
  /** A person (not mCube) asked for its cancel. */
  readonly canceledByPerson: boolean;
}

/** What decides a leg's exit state. */
export interface LegExitInput {
  /** Units still open on the leg. */
  readonly openQuantity: number;
  /** An exit of the whole position was requested (stored on the position). */
  readonly exitRequested: boolean;
  /** The leg's exit orders, oldest first. */
  readonly orders: readonly LegExitOrder[];
}

/** The state of one leg (see `LegExitState`). Pure. */
export function legExitState(input: LegExitInput): LegExitState {
  if (input.openQuantity <= 0) return 'FLAT';
  if (input.orders.some((o) => !isTerminal(o.status))) return 'WORKING';
  if (!input.exitRequested) return 'NONE';
  const last = input.orders.at(-1);
  return last?.status === 'CANCELED' && last.canceledByPerson ? 'HELD' : 'CHASING';
}

/** How a position shows: CLOSED, EXITING (an exit was requested and it is not flat yet) or ACTIVE. */
export function positionExitDisplay(status: 'ACTIVE' | 'CLOSED', exitRequested: boolean): 'ACTIVE' | 'EXITING' | 'CLOSED' {
  return status === 'CLOSED' ? 'CLOSED' : exitRequested ? 'EXITING' : 'ACTIVE';
}
