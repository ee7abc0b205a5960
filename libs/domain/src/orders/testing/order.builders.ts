import { epochMsOfIst } from '../../time/ist-date';
import { applyOrderEvent } from '../apply-order-event';
import type { Order } from '../order';
import { createOrder } from '../order';
import type { OrderEvent, OrderEventType } from '../order-event';
import type { OrderStatus } from '../order-types';

/** Test builders for orders: every field defaulted, any field overridable. Not exported from the barrel. */

/** Fixed instant used by builders (2026-03-10 10:00:00 IST). */
export const T0_MS = epochMsOfIst('2026-03-10', '10:00:00');

/** The default order: SELL 130 units (2 NIFTY lots) LIMIT ₹120.50, INITIALIZED. */
export function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    ...createOrder({
      clientOrderId: 'co-1',
      accountId: 'KOTAK-1',
      instrumentId: 'NIFTY-2026-03-17-23500-CE',
      side: 'SELL',
      orderType: 'LIMIT',
      purpose: 'ENTRY',
      quantity: 130,
      limitPrice: 120.5,
      createdAtMs: T0_MS,
    }),
    ...overrides,
  };
}

let tradeSeq = 0;

type EventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;

const DEFAULTS: { [T in OrderEventType]: Omit<EventOf<T>, 'type' | 'occurredAtMs' | 'recordedAtMs'> } = {
  DENIED: { code: 'MARGIN_EXCEEDS_USABLE', message: 'denied', context: { requiredPaise: 2, usablePaise: 1 } },
  SUBMITTED: {},
  SEND_TIMED_OUT: {},
  ACCEPTED: { brokerOrderId: 'B-1' },
  REJECTED: { reason: 'RMS: margin shortfall' },
  FILLED: { tradeId: '', quantity: 65, price: 120.5 },
  CANCEL_REQUESTED: {},
  CANCELED: {},
  CANCEL_REJECTED: { reason: 'order already complete' },
  EXPIRED: {},
};

/** An event of the given type with defaults (a fill is one lot of 65 @ ₹120.50 with a fresh trade id). */
export function buildOrderEvent<T extends OrderEventType>(type: T, overrides: Partial<EventOf<T>> = {}): EventOf<T> {
  // Each built fill gets its own trade id, as the broker would give.
  const fresh = type === 'FILLED' ? { tradeId: `T-${++tradeSeq}` } : {};
  return { ...DEFAULTS[type], ...fresh, type, occurredAtMs: T0_MS + 1000, recordedAtMs: T0_MS + 1001, ...overrides } as unknown as EventOf<T>;
}

const PATHS: Record<OrderStatus, OrderEventType[]> = {
  INITIALIZED: [],
  DENIED: ['DENIED'],
  SUBMITTED: ['SUBMITTED'],
  ACCEPTED: ['SUBMITTED', 'ACCEPTED'],
  REJECTED: ['SUBMITTED', 'REJECTED'],
  PARTIALLY_FILLED: ['SUBMITTED', 'ACCEPTED', 'FILLED'],
  FILLED: ['SUBMITTED', 'ACCEPTED', 'FILLED', 'FILLED'],
  PENDING_CANCEL: ['SUBMITTED', 'ACCEPTED', 'CANCEL_REQUESTED'],
  CANCELED: ['SUBMITTED', 'ACCEPTED', 'CANCELED'],
  EXPIRED: ['SUBMITTED', 'ACCEPTED', 'EXPIRED'],
};

/** The default order driven to `status` along its usual path (PARTIALLY_FILLED = 65 of 130 filled). */
export function orderInStatus(status: OrderStatus, overrides: Partial<Order> = {}): Order {
  return PATHS[status].reduce((o, type) => applyOrderEvent(o, buildOrderEvent(type)), buildOrder(overrides));
}
