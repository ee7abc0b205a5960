import { DomainError } from '../errors/domain-error';
import { assertInteger, assertPositive } from '../validation/assert';
import type { Order, OrderFill } from './order';
import { summariseFills } from './order';
import type { OrderEvent, OrderFilled } from './order-event';
import { orderTransitionTarget } from './order-transitions';
import type { OrderStatus } from './order-types';

function illegal(order: Order, event: OrderEvent, why: string): DomainError {
  return new DomainError('ILLEGAL_TRANSITION', `order ${order.clientOrderId}: ${why}`, {
    clientOrderId: order.clientOrderId,
    status: order.status,
    event: event.type,
  });
}

function addFill(order: Order, event: OrderFilled): { fills: readonly OrderFill[]; filledQuantity: number; averageFillPrice?: number } {
  if (!event.tradeId) throw new DomainError('INVALID_ARGUMENT', 'a fill needs the broker trade id');
  assertInteger('fill quantity', event.quantity, { min: 1 });
  assertPositive('fill price', event.price);
  if (order.fills.some((f) => f.tradeId === event.tradeId)) {
    throw illegal(order, event, `trade ${event.tradeId} is already counted (dedupe with hasFill before applying)`);
  }
  if (order.filledQuantity + event.quantity > order.quantity) {
    throw illegal(order, event, `overfill: ${order.filledQuantity} filled + ${event.quantity} > quantity ${order.quantity}`);
  }
  const fills = [...order.fills, { tradeId: event.tradeId, quantity: event.quantity, price: event.price, occurredAtMs: event.occurredAtMs }];
  return { fills, ...summariseFills(fills) };
}

/**
 * Applies one event to an order and returns the new snapshot; the input is never mutated.
 * Legal pairs are exactly those of `ORDER_TRANSITIONS`. Guarantees: filled quantity and
 * average price are recomputed from the fills; FILLED exactly when filled == quantity;
 * `inFlightUnknown` is set by SEND_TIMED_OUT and cleared by any answer from the broker.
 * Throws ILLEGAL_TRANSITION for a pair not in the table, an overfill or a trade id already
 * counted; INVALID_ARGUMENT for a fill without trade id or with a bad quantity/price, or an
 * ACCEPTED event without broker order id.
 */
export function applyOrderEvent(order: Order, event: OrderEvent): Order {
  const target = orderTransitionTarget(order.status, event.type);
  if (target === undefined) throw illegal(order, event, `${event.type} is not allowed in status ${order.status}`);
  assertInteger('occurredAtMs', event.occurredAtMs);

  // Anything the broker says about the order settles a timed-out send.
  const brokerSpoke = event.type !== 'SEND_TIMED_OUT' && event.type !== 'CANCEL_REQUESTED' && event.type !== 'SUBMITTED' && event.type !== 'DENIED';
  let next: Order = {
    ...order,
    inFlightUnknown: event.type === 'SEND_TIMED_OUT' ? true : brokerSpoke ? false : order.inFlightUnknown,
    updatedAtMs: event.occurredAtMs,
  };

  switch (event.type) {
    case 'DENIED':
      next = { ...next, denial: { code: event.code, message: event.message, context: event.context } };
      break;
    case 'ACCEPTED':
      if (!event.brokerOrderId) throw new DomainError('INVALID_ARGUMENT', 'ACCEPTED needs the broker order id');
      next = { ...next, brokerOrderId: event.brokerOrderId };
      // Accepted while a cancel is pending: a rejected cancel should go back to ACCEPTED.
      if (order.status === 'PENDING_CANCEL') next = { ...next, statusBeforeCancel: 'ACCEPTED' };
      break;
    case 'REJECTED':
      next = { ...next, rejectReason: event.reason };
      break;
    case 'FILLED':
      next = { ...next, ...addFill(order, event) };
      break;
    case 'CANCEL_REQUESTED':
      next = { ...next, statusBeforeCancel: order.status };
      break;
    case 'CANCEL_REJECTED':
      next = { ...next, cancelRejectReason: event.reason };
      break;
    case 'SUBMITTED':
    case 'SEND_TIMED_OUT':
    case 'CANCELED':
    case 'EXPIRED':
      break;
  }

  let status: OrderStatus;
  if (target === 'PREVIOUS') {
    status = next.filledQuantity > 0 ? 'PARTIALLY_FILLED' : (order.statusBeforeCancel ?? 'ACCEPTED');
  } else if (typeof target === 'object') {
    status = next.filledQuantity === next.quantity ? 'FILLED' : target.byFills;
  } else {
    status = target;
  }
  // Only a pending cancel remembers where it came from.
  const { statusBeforeCancel, ...rest } = next;
  return status === 'PENDING_CANCEL' ? { ...rest, statusBeforeCancel, status } : { ...rest, status };
}
