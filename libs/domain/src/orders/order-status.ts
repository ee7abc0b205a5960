import type { OrderStatus } from './order-types';

/**
 * True when no further broker event is expected in the normal course: DENIED, REJECTED,
 * FILLED, CANCELED, EXPIRED. (A late fill after CANCELED is still accepted by the state
 * machine, because brokers do report them; see the transition table.)
 */
export function isTerminal(status: OrderStatus): boolean {
  switch (status) {
    case 'DENIED':
    case 'REJECTED':
    case 'FILLED':
    case 'CANCELED':
    case 'EXPIRED':
      return true;
    case 'INITIALIZED':
    case 'SUBMITTED':
    case 'ACCEPTED':
    case 'PARTIALLY_FILLED':
    case 'PENDING_CANCEL':
      return false;
  }
}

/**
 * True when the order may still trade at the broker: SUBMITTED (in flight, possibly of
 * unknown outcome), ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL. INITIALIZED is not open:
 * it has not left mCube.
 */
export function isOpen(status: OrderStatus): boolean {
  switch (status) {
    case 'SUBMITTED':
    case 'ACCEPTED':
    case 'PARTIALLY_FILLED':
    case 'PENDING_CANCEL':
      return true;
    case 'INITIALIZED':
    case 'DENIED':
    case 'REJECTED':
    case 'FILLED':
    case 'CANCELED':
    case 'EXPIRED':
      return false;
  }
}
