import { DomainError } from '../errors/domain-error';
import { applyOrderEvent } from './apply-order-event';
import type { OrderEventType } from './order-event';
import { ORDER_EVENT_TYPES } from './order-event';
import { ORDER_TRANSITIONS } from './order-transitions';
import type { OrderStatus } from './order-types';
import { ORDER_STATUSES } from './order-types';
import { buildOrderEvent, orderInStatus } from './testing/order.builders';

// Written by hand from the lifecycle rules, independently of ORDER_TRANSITIONS: the status an
// order reaches from its builder state (order of 130, PARTIALLY_FILLED = 65 filled, PENDING_CANCEL
// from ACCEPTED) when it receives the default event (a fill is 65 units).
const EXPECTED: Partial<Record<OrderStatus, Partial<Record<OrderEventType, OrderStatus>>>> = {
  INITIALIZED: { DENIED: 'DENIED', SUBMITTED: 'SUBMITTED', CANCELED: 'CANCELED' },
  SUBMITTED: {
    SEND_TIMED_OUT: 'SUBMITTED',
    ACCEPTED: 'ACCEPTED',
    REJECTED: 'REJECTED',
    FILLED: 'PARTIALLY_FILLED',
    CANCEL_REQUESTED: 'PENDING_CANCEL',
    CANCELED: 'CANCELED',
    EXPIRED: 'EXPIRED',
  },
  ACCEPTED: { REJECTED: 'REJECTED', FILLED: 'PARTIALLY_FILLED', CANCEL_REQUESTED: 'PENDING_CANCEL', CANCELED: 'CANCELED', EXPIRED: 'EXPIRED' },
  PARTIALLY_FILLED: { FILLED: 'FILLED', CANCEL_REQUESTED: 'PENDING_CANCEL', CANCELED: 'CANCELED', EXPIRED: 'EXPIRED' },
  PENDING_CANCEL: {
    ACCEPTED: 'PENDING_CANCEL',
    REJECTED: 'REJECTED',
    FILLED: 'PENDING_CANCEL',
    CANCELED: 'CANCELED',
    CANCEL_REJECTED: 'ACCEPTED',
    EXPIRED: 'EXPIRED',
  },
  CANCELED: { FILLED: 'CANCELED' },
};

const pairs = ORDER_STATUSES.flatMap((s) => ORDER_EVENT_TYPES.map((e) => [s, e] as const));

describe('order transition table, every status × every event', () => {
  it.each(pairs)('%s + %s gives the expected status or throws ILLEGAL_TRANSITION', (status, type) => {
    const order = orderInStatus(status);
    expect(order.status).toBe(status);
    const expected = EXPECTED[status]?.[type];
    const run = () => applyOrderEvent(order, buildOrderEvent(type));
    if (expected === undefined) {
      expect(run).toThrow(DomainError);
      expect(run).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    } else {
      expect(run().status).toBe(expected);
    }
  });

  it('lists each (status, event) pair at most once', () => {
    const keys = ORDER_TRANSITIONS.map((t) => `${t.from}|${t.on}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no way out of DENIED, REJECTED, FILLED or EXPIRED', () => {
    const from = new Set(ORDER_TRANSITIONS.map((t) => t.from));
    for (const s of ['DENIED', 'REJECTED', 'FILLED', 'EXPIRED'] as const) expect(from.has(s)).toBe(false);
  });
});
