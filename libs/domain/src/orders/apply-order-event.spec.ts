import { DomainError } from '../errors/domain-error';
import { applyOrderEvent } from './apply-order-event';
import type { Order } from './order';
import { hasFill, leavesQuantity } from './order';
import type { OrderEvent } from './order-event';
import { buildOrder, buildOrderEvent, orderInStatus } from './testing/order.builders';

function replay(order: Order, events: OrderEvent[]): Order {
  return events.reduce(applyOrderEvent, order);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('applyOrderEvent: quantities come from fills', () => {
  it('sums fills into the filled quantity and a quantity-weighted average price', () => {
    const o = replay(orderInStatus('ACCEPTED'), [
      buildOrderEvent('FILLED', { quantity: 65, price: 120.05 }),
      buildOrderEvent('FILLED', { quantity: 65, price: 120.1 }),
    ]);
    expect(o.status).toBe('FILLED');
    expect(o.filledQuantity).toBe(130);
    expect(o.averageFillPrice).toBeCloseTo(120.075, 10);
    expect(o.fills.map((f) => f.quantity)).toEqual([65, 65]);
  });

  it('weights the average by quantity', () => {
    const o = replay(buildOrder({ quantity: 260 }), [
      buildOrderEvent('SUBMITTED'),
      buildOrderEvent('FILLED', { quantity: 195, price: 100 }),
      buildOrderEvent('FILLED', { quantity: 65, price: 104 }),
    ]);
    expect(o.averageFillPrice).toBeCloseTo(101, 10);
  });

  it('is FILLED only when the filled quantity reaches the order quantity', () => {
    const partial = applyOrderEvent(orderInStatus('ACCEPTED'), buildOrderEvent('FILLED', { quantity: 129 }));
    expect(partial.status).toBe('PARTIALLY_FILLED');
    expect(leavesQuantity(partial)).toBe(1);
    expect(applyOrderEvent(partial, buildOrderEvent('FILLED', { quantity: 1 })).status).toBe('FILLED');
  });

  it('rejects an overfill', () => {
    const partial = orderInStatus('PARTIALLY_FILLED');
    expect(() => applyOrderEvent(partial, buildOrderEvent('FILLED', { quantity: 66 }))).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }),
    );
  });

  it('refuses to count the same broker trade twice', () => {
    const fill = buildOrderEvent('FILLED', { tradeId: 'T-dup' });
    const once = applyOrderEvent(orderInStatus('ACCEPTED'), fill);
    expect(hasFill(once, 'T-dup')).toBe(true);
    expect(hasFill(once, 'T-other')).toBe(false);
    expect(() => applyOrderEvent(once, fill)).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it.each([0, -65, 1.5, Number.NaN])('rejects a fill of %p units', (quantity) => {
    expect(() => applyOrderEvent(orderInStatus('ACCEPTED'), buildOrderEvent('FILLED', { quantity }))).toThrow(DomainError);
  });

  it.each([0, -1, Number.NaN])('rejects a fill at price %p', (price) => {
    expect(() => applyOrderEvent(orderInStatus('ACCEPTED'), buildOrderEvent('FILLED', { price }))).toThrow(DomainError);
  });

  it('rejects a fill without a trade id', () => {
    expect(() => applyOrderEvent(orderInStatus('ACCEPTED'), buildOrderEvent('FILLED', { tradeId: '' }))).toThrow(DomainError);
  });
});

describe('applyOrderEvent: a timed-out send is unknown, never rejected', () => {
  it('keeps the order SUBMITTED and marks it in flight with unknown outcome', () => {
    const o = applyOrderEvent(orderInStatus('SUBMITTED'), buildOrderEvent('SEND_TIMED_OUT'));
    expect(o.status).toBe('SUBMITTED');
    expect(o.inFlightUnknown).toBe(true);
  });

  it('clears the unknown flag on a late acceptance and keeps the broker order id', () => {
    const timedOut = applyOrderEvent(orderInStatus('SUBMITTED'), buildOrderEvent('SEND_TIMED_OUT'));
    const o = applyOrderEvent(timedOut, buildOrderEvent('ACCEPTED', { brokerOrderId: 'B-77' }));
    expect(o.status).toBe('ACCEPTED');
    expect(o.inFlightUnknown).toBe(false);
    expect(o.brokerOrderId).toBe('B-77');
  });

  it('clears the unknown flag when a fill is the first news', () => {
    const timedOut = applyOrderEvent(orderInStatus('SUBMITTED'), buildOrderEvent('SEND_TIMED_OUT'));
    expect(applyOrderEvent(timedOut, buildOrderEvent('FILLED')).inFlightUnknown).toBe(false);
  });

  it('keeps the unknown flag through our own cancel request', () => {
    const timedOut = applyOrderEvent(orderInStatus('SUBMITTED'), buildOrderEvent('SEND_TIMED_OUT'));
    const o = applyOrderEvent(timedOut, buildOrderEvent('CANCEL_REQUESTED'));
    expect(o.status).toBe('PENDING_CANCEL');
    expect(o.inFlightUnknown).toBe(true);
  });

  it('requires a broker order id on acceptance', () => {
    expect(() => applyOrderEvent(orderInStatus('SUBMITTED'), buildOrderEvent('ACCEPTED', { brokerOrderId: '' }))).toThrow(DomainError);
  });
});

describe('applyOrderEvent: cancels racing fills', () => {
  it('stays PENDING_CANCEL after a partial fill that follows the cancel request', () => {
    const o = applyOrderEvent(orderInStatus('PENDING_CANCEL'), buildOrderEvent('FILLED', { quantity: 65 }));
    expect(o.status).toBe('PENDING_CANCEL');
    expect(o.filledQuantity).toBe(65);
  });

  it('becomes FILLED when the fill after the cancel request completes the order', () => {
    const o = applyOrderEvent(orderInStatus('PENDING_CANCEL'), buildOrderEvent('FILLED', { quantity: 130 }));
    expect(o.status).toBe('FILLED');
    expect(o.statusBeforeCancel).toBeUndefined();
  });

  it('returns to PARTIALLY_FILLED when the cancel is rejected after a fill arrived meanwhile', () => {
    const o = replay(orderInStatus('PENDING_CANCEL'), [buildOrderEvent('FILLED'), buildOrderEvent('CANCEL_REJECTED')]);
    expect(o.status).toBe('PARTIALLY_FILLED');
    expect(o.cancelRejectReason).toBe('order already complete');
  });

  it('returns to SUBMITTED when a cancel requested before the ack is rejected', () => {
    const o = replay(orderInStatus('SUBMITTED'), [buildOrderEvent('CANCEL_REQUESTED'), buildOrderEvent('CANCEL_REJECTED')]);
    expect(o.status).toBe('SUBMITTED');
  });

  it('returns to ACCEPTED when the ack arrived while the cancel was pending and the cancel is then rejected', () => {
    const o = replay(orderInStatus('SUBMITTED'), [
      buildOrderEvent('CANCEL_REQUESTED'),
      buildOrderEvent('ACCEPTED'),
      buildOrderEvent('CANCEL_REJECTED'),
    ]);
    expect(o.status).toBe('ACCEPTED');
    expect(o.brokerOrderId).toBe('B-1');
  });

  it('counts a late fill after CANCELED and stays CANCELED while it is partial', () => {
    const o = applyOrderEvent(orderInStatus('CANCELED'), buildOrderEvent('FILLED', { quantity: 65 }));
    expect(o.status).toBe('CANCELED');
    expect(o.filledQuantity).toBe(65);
  });

  it('turns a CANCELED order into FILLED when late fills cover the whole quantity', () => {
    const o = applyOrderEvent(orderInStatus('CANCELED'), buildOrderEvent('FILLED', { quantity: 130 }));
    expect(o.status).toBe('FILLED');
  });

  it('keeps the filled part of a partially filled order that is canceled', () => {
    const o = applyOrderEvent(orderInStatus('PARTIALLY_FILLED'), buildOrderEvent('CANCELED'));
    expect(o.status).toBe('CANCELED');
    expect(o.filledQuantity).toBe(65);
  });
});

describe('applyOrderEvent: snapshots', () => {
  it('never mutates the input order', () => {
    const before = deepFreeze(orderInStatus('ACCEPTED'));
    const copy = JSON.parse(JSON.stringify(before));
    const after = applyOrderEvent(before, buildOrderEvent('FILLED'));
    expect(after).not.toBe(before);
    expect(before).toEqual(copy);
  });

  it('stores the denial code, message and context', () => {
    const o = applyOrderEvent(buildOrder(), buildOrderEvent('DENIED', { code: 'OUTSIDE_MARKET_HOURS', message: 'closed', context: { time: '15:45' } }));
    expect(o.status).toBe('DENIED');
    expect(o.denial).toEqual({ code: 'OUTSIDE_MARKET_HOURS', message: 'closed', context: { time: '15:45' } });
  });

  it('stores the rejection reason', () => {
    const o = applyOrderEvent(orderInStatus('SUBMITTED'), buildOrderEvent('REJECTED', { reason: 'insufficient funds' }));
    expect(o.rejectReason).toBe('insufficient funds');
  });

  it('stamps the snapshot with the event time', () => {
    const o = applyOrderEvent(buildOrder(), buildOrderEvent('SUBMITTED', { occurredAtMs: 1_800_000_000_000 }));
    expect(o.updatedAtMs).toBe(1_800_000_000_000);
  });

  it('names the order, status and event in an illegal-transition error', () => {
    try {
      applyOrderEvent(orderInStatus('FILLED'), buildOrderEvent('CANCEL_REQUESTED'));
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).context).toEqual({ clientOrderId: 'co-1', status: 'FILLED', event: 'CANCEL_REQUESTED' });
    }
  });
});
