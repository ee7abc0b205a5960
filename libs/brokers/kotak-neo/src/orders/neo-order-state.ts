import type { BrokerOrderState } from '@mcube/domain';
import type { NeoOrderStatus } from '../parse/neo.types';

/**
 * Kotak's order status words in the port's states. A partly filled order stays 'open'
 * (OPEN with filledQuantity > 0); a partly filled order that was then cancelled is CANCELED
 * with its filled quantity. The table is exhaustive: a new word fails to compile.
 */
const STATE_OF: Readonly<Record<NeoOrderStatus, BrokerOrderState>> = {
  'put order req received': 'PENDING',
  'validation pending': 'PENDING',
  'open pending': 'PENDING',
  'after market order req received': 'PENDING',
  'modify after market order req received': 'PENDING',
  open: 'OPEN',
  'trigger pending': 'OPEN',
  'modify pending': 'OPEN',
  'modify validation pending': 'OPEN',
  modified: 'OPEN',
  'not modified': 'OPEN',
  'cancel pending': 'OPEN',
  'not cancelled': 'OPEN',
  complete: 'FILLED',
  traded: 'FILLED',
  rejected: 'REJECTED',
  cancelled: 'CANCELED',
  'cancelled after market order': 'CANCELED',
  expired: 'EXPIRED',
  lapsed: 'EXPIRED',
};

/** The port's state of a Kotak order status. */
export function brokerStateOf(status: NeoOrderStatus): BrokerOrderState {
  return STATE_OF[status];
}

/** True while the order can still trade, be modified or be cancelled. */
export function isWorking(status: NeoOrderStatus): boolean {
  const state = STATE_OF[status];
  return state === 'OPEN' || state === 'PENDING';
}
