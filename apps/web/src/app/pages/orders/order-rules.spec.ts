import { type OrderUpdatedEvent, type OrderEventResponse, type OrderListItemResponse, ORDER_STATUSES } from '@mcube/contracts';
import { applyOrderUpdate, eventDetail, isCancellable, orderTime, timelineOf } from './order-rules';

function order(over: Partial<OrderListItemResponse> = {}): OrderListItemResponse {
  return {
    id: 1,
    clientOrderId: 'co-1',
    brokerOrderId: 'B1',
    exchangeOrderId: null,
    accountId: 1,
    positionId: null,
    strategyType: null,
    exchangeSegment: 'NFO-OPT',
    tradingSymbol: 'NIFTY26MAR23500CE',
    instrumentToken: null,
    name: 'NIFTY 17 Mar 23500 CE',
    underlying: 'NIFTY',
    instrumentType: 'CE',
    strike: 23500,
    expiryDate: '2026-03-17',
    side: 'SELL',
    orderType: 'LIMIT',
    quantity: 65,
    limitPricePaise: 12000,
    triggerPricePaise: null,
    purpose: 'ENTRY',
    status: 'ACCEPTED',
    filledQuantity: 0,
    avgFillPricePaise: null,
    denialCode: null,
    denialContext: null,
    statusReason: null,
    inFlightUnknown: false,
    isPaper: true,
    requiresApproval: false,
    approvedBy: null,
    approvedAt: null,
    submittedAt: null,
    lastEventAt: null,
    estimatedMarginPaise: null,
    estimatedRiskPaise: null,
    estimatedExposurePaise: null,
    product: null,
    version: 1,
    createdAt: '2026-03-10T04:30:00.000Z',
    updatedAt: '2026-03-10T04:30:00.000Z',
    ...over,
  };
}

function update(over: Partial<OrderUpdatedEvent> = {}): OrderUpdatedEvent {
  return {
    orderId: 1,
    clientOrderId: 'co-1',
    accountId: 1,
    positionId: null,
    tradingSymbol: 'NIFTY26MAR23500CE',
    side: 'SELL',
    purpose: 'ENTRY',
    quantity: 65,
    filledQuantity: 65,
    averagePrice: 120.125,
    status: 'FILLED',
    reason: null,
    atMs: 1,
    ...over,
  };
}

function event(over: Partial<OrderEventResponse>): OrderEventResponse {
  return { id: 1, orderId: 1, sequence: 1, type: 'SUBMITTED', fromStatus: 'INITIALIZED', toStatus: 'SUBMITTED', payload: {}, occurredAt: '2026-03-10T04:30:00.000Z', recordedAt: '2026-03-10T04:30:00.000Z', ...over };
}

describe('isCancellable', () => {
  it('allows a cancel only while the order works at the broker and no cancel is pending', () => {
    expect(ORDER_STATUSES.filter(isCancellable)).toEqual(['SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED']);
  });
});

describe('applyOrderUpdate', () => {
  it('gives a listed order its new status, fill (rupees to paise) and reason', () => {
    const { orders, refetch } = applyOrderUpdate([order({ id: 2 }), order()], update({ reason: 'done' }), {});
    expect(refetch).toBe(false);
    expect(orders[1]).toMatchObject({ status: 'FILLED', filledQuantity: 65, avgFillPricePaise: 12013, statusReason: 'done' });
    expect(orders[0].status).toBe('ACCEPTED');
  });

  it('keeps the known average price and reason when the event has none', () => {
    const { orders } = applyOrderUpdate([order({ avgFillPricePaise: 9000, statusReason: 'old' })], update({ status: 'PENDING_CANCEL', averagePrice: null, filledQuantity: 0 }), {});
    expect(orders[0]).toMatchObject({ status: 'PENDING_CANCEL', avgFillPricePaise: 9000, statusReason: 'old' });
  });

  it('drops a listed order that leaves the status filter', () => {
    const { orders, refetch } = applyOrderUpdate([order()], update(), { status: 'ACCEPTED' });
    expect(orders).toEqual([]);
    expect(refetch).toBe(false);
  });

  it('asks for a refetch for an unlisted order that matches the filters, not for one of another account', () => {
    expect(applyOrderUpdate([], update({ orderId: 9 }), { accountId: 1 }).refetch).toBe(true);
    expect(applyOrderUpdate([], update({ orderId: 9, accountId: 2 }), { accountId: 1 }).refetch).toBe(false);
    expect(applyOrderUpdate([], update({ orderId: 9 }), { status: 'REJECTED' }).refetch).toBe(false);
  });
});

describe('timelineOf', () => {
  it('lists the events in sequence order with their transition and detail', () => {
    const rows = timelineOf([
      event({ id: 3, sequence: 3, type: 'FILLED', fromStatus: 'ACCEPTED', toStatus: 'FILLED', payload: { tradeId: 'T1', quantity: 65, price: 120.5 } }),
      event({ id: 1, sequence: 1 }),
      event({ id: 2, sequence: 2, type: 'ACCEPTED', fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', payload: { brokerOrderId: 'B1' } }),
    ]);
    expect(rows.map((r) => r.transition)).toEqual(['INITIALIZED → SUBMITTED', 'SUBMITTED → ACCEPTED', 'ACCEPTED → FILLED']);
    expect(rows.map((r) => r.detail)).toEqual([null, 'broker order B1', '65 @ ₹120.50 (trade T1)']);
  });

  it('shows a denial as its code and message, a rejection as its reason', () => {
    expect(eventDetail({ type: 'DENIED', payload: { code: 'OUTSIDE_MARKET_HOURS', message: 'outside market hours', context: {} } })).toBe('OUTSIDE_MARKET_HOURS: outside market hours');
    expect(eventDetail({ type: 'REJECTED', payload: { reason: 'RMS: margin' } })).toBe('RMS: margin');
    expect(eventDetail({ type: 'SEND_TIMED_OUT', payload: {} })).toBeNull();
  });

  it('shows a same-status event (a pending cancel refused) by its status alone', () => {
    expect(timelineOf([event({ fromStatus: 'ACCEPTED', toStatus: 'ACCEPTED', type: 'CANCEL_REJECTED' })])[0].transition).toBe('ACCEPTED');
  });
});

describe('orderTime', () => {
  it('is the send time once sent, the journal time before', () => {
    expect(orderTime({ submittedAt: '2026-03-10T03:45:01.000Z', createdAt: '2026-03-10T03:45:00.000Z' })).toBe('2026-03-10T03:45:01.000Z');
    expect(orderTime({ submittedAt: null, createdAt: '2026-03-10T03:45:00.000Z' })).toBe('2026-03-10T03:45:00.000Z');
  });
});
