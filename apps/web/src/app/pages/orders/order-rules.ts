import { CANCELLABLE_ORDER_STATUSES, type OrderEventResponse, type OrderListItemResponse, type OrderUpdatedEvent } from '@mcube/contracts';
import type { OrderFilters } from './order.models';

/** Statuses a cancel can still be asked for: working at the broker and not already being canceled (the API's set). */
const CANCELLABLE: ReadonlySet<string> = new Set(CANCELLABLE_ORDER_STATUSES);

/** True when the order is working at the broker and no cancel is pending (the API's own rule). */
export function isCancellable(status: string): boolean {
  return CANCELLABLE.has(status);
}

/** Bootstrap badge colour of a status: green filled, red refused, amber working, grey ended otherwise. */
export function statusTone(status: string): string {
  switch (status) {
    case 'FILLED':
      return 'text-bg-success';
    case 'DENIED':
    case 'REJECTED':
      return 'text-bg-danger';
    case 'SUBMITTED':
    case 'ACCEPTED':
    case 'PARTIALLY_FILLED':
    case 'PENDING_CANCEL':
      return 'text-bg-warning';
    default:
      return 'text-bg-secondary';
  }
}

/** What a live `order.updated` does to the listed orders. */
export interface OrderListUpdate {
  orders: OrderListItemResponse[];
  /** The event is about an order the list does not hold but should: refetch the list once. */
  refetch: boolean;
}

function matches(filters: OrderFilters, accountId: number, status: string): boolean {
  return (!filters.accountId || filters.accountId === accountId) && (!filters.status || filters.status === status);
}

/**
 * Applies one `order.updated` to the listed orders: a listed order takes the new status, fill
 * and reason (and leaves the list when it no longer matches the status filter); an unlisted
 * one that matches the filters asks for a refetch (the event lacks the row's other fields).
 */
export function applyOrderUpdate(orders: readonly OrderListItemResponse[], event: OrderUpdatedEvent, filters: OrderFilters): OrderListUpdate {
  const index = orders.findIndex((o) => o.id === event.orderId);
  const fits = matches(filters, event.accountId, event.status);
  if (index < 0) return { orders: [...orders], refetch: fits };
  if (!fits) return { orders: orders.filter((o) => o.id !== event.orderId), refetch: false };
  const updated: OrderListItemResponse = {
    ...orders[index],
    status: event.status,
    filledQuantity: event.filledQuantity,
    // Event prices are rupees; rows keep paise (rounded: the average of fills can carry fractions of a paisa).
    avgFillPricePaise: event.averagePrice === null ? orders[index].avgFillPricePaise : Math.round(event.averagePrice * 100),
    statusReason: event.reason ?? orders[index].statusReason,
  };
  return { orders: orders.map((o, i) => (i === index ? updated : o)), refetch: false };
}

/** One entry of the order's timeline, ready to show. */
export interface TimelineEntry {
  id: number;
  /** The event type (DENIED, SUBMITTED, FILLED, …). */
  type: string;
  transition: string;
  occurredAt: string;
  /** The denial code, the broker's reason, the fill, or the broker order id; null when the event carries none. */
  detail: string | null;
  tone: string;
}

/** The readable detail of one state event (denial code + message, reason, fill, broker id). */
export function eventDetail(event: Pick<OrderEventResponse, 'type' | 'payload'>): string | null {
  const p = event.payload ?? {};
  const text = (key: string) => (typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : null);
  switch (event.type) {
    case 'DENIED':
      return [text('code'), text('message')].filter((s) => s !== null).join(': ') || null;
    case 'REJECTED':
    case 'CANCEL_REJECTED':
      return text('reason');
    case 'FILLED':
      return typeof p['quantity'] === 'number' && typeof p['price'] === 'number' ? `${p['quantity']} @ ₹${p['price'].toFixed(2)}${text('tradeId') ? ` (trade ${text('tradeId')})` : ''}` : null;
    case 'ACCEPTED':
      return text('brokerOrderId') ? `broker order ${text('brokerOrderId')}` : null;
    default:
      return text('reason');
  }
}

/** The order's state events in sequence order, each with its transition and detail. */
export function timelineOf(history: readonly OrderEventResponse[]): TimelineEntry[] {
  return [...history]
    .sort((a, b) => a.sequence - b.sequence)
    .map((e) => ({
      id: e.id,
      type: e.type,
      transition: e.fromStatus && e.fromStatus !== e.toStatus ? `${e.fromStatus} → ${e.toStatus}` : e.toStatus,
      occurredAt: e.occurredAt,
      detail: eventDetail(e),
      tone: statusTone(e.toStatus),
    }));
}

/** When the order happened as the trader thinks of it: when it was sent, else when it was journaled. */
export function orderTime(order: Pick<OrderListItemResponse, 'submittedAt' | 'createdAt'>): string {
  return order.submittedAt ?? order.createdAt;
}
