import type { OrderDenialResponse, OrderEventResponse, OrderResponse, OrderStatus, SubmitEntryResponse, SubmitOrderResponse } from '@mcube/contracts';
import type { OrderStatus as DomainOrderStatus } from '@mcube/domain';
import { instantJson, instantJsonOrNull } from '../../common/contracts/instant-json';
import type { OrderEvent } from './entities/order-event.entity';
import type { Order } from './entities/order.entity';
import type { EntryResult, SubmitDenial, SubmitResult } from './gateway-intent';

/** The contract's status list and the domain's state machine name the same statuses (a compile error otherwise). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _statusesAgree: Same<DomainOrderStatus, OrderStatus> = true;

/** The journaled order row as REST shows it (times as ISO instants; no relations). */
export function orderResponseOf(o: Order): OrderResponse {
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    brokerOrderId: o.brokerOrderId,
    exchangeOrderId: o.exchangeOrderId,
    accountId: o.accountId,
    positionId: o.positionId,
    strategyType: o.strategyType,
    exchangeSegment: o.exchangeSegment,
    tradingSymbol: o.tradingSymbol,
    instrumentToken: o.instrumentToken,
    underlying: o.underlying,
    instrumentType: o.instrumentType,
    strike: o.strike,
    expiryDate: o.expiryDate,
    side: o.side,
    orderType: o.orderType,
    quantity: o.quantity,
    limitPricePaise: o.limitPricePaise,
    triggerPricePaise: o.triggerPricePaise,
    purpose: o.purpose,
    status: o.status,
    filledQuantity: o.filledQuantity,
    avgFillPricePaise: o.avgFillPricePaise,
    denialCode: o.denialCode,
    denialContext: o.denialContext,
    statusReason: o.statusReason,
    inFlightUnknown: o.inFlightUnknown,
    isPaper: o.isPaper,
    requiresApproval: o.requiresApproval,
    approvedBy: o.approvedBy,
    approvedAt: instantJsonOrNull(o.approvedAt),
    submittedAt: instantJsonOrNull(o.submittedAt),
    lastEventAt: instantJsonOrNull(o.lastEventAt),
    estimatedMarginPaise: o.estimatedMarginPaise,
    estimatedRiskPaise: o.estimatedRiskPaise,
    estimatedExposurePaise: o.estimatedExposurePaise,
    product: o.product,
    version: o.version,
    createdAt: instantJson(o.createdAt),
    updatedAt: instantJson(o.updatedAt),
  };
}

/** One applied state event of an order. */
export function orderEventResponseOf(e: OrderEvent): OrderEventResponse {
  return {
    id: e.id,
    orderId: e.orderId,
    sequence: e.sequence,
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: e.payload,
    occurredAt: instantJson(e.occurredAt),
    recordedAt: instantJson(e.recordedAt),
  };
}

function denialResponseOf(d: SubmitDenial | undefined): OrderDenialResponse | undefined {
  return d && { code: d.code, codes: [...d.codes], message: d.message, context: { ...d.context } };
}

/** The gateway's outcome of one intent (an absent denial stays absent on the wire). */
export function submitResponseOf(r: SubmitResult): SubmitOrderResponse {
  return { intentId: r.intentId, duplicate: r.duplicate, orderIds: [...r.orderIds], statuses: [...r.statuses], positionId: r.positionId, denial: denialResponseOf(r.denial) };
}

/** The gateway's outcome of a multi-leg entry, one result per leg. */
export function entryResponseOf(r: EntryResult): SubmitEntryResponse {
  return { duplicate: r.duplicate, positionId: r.positionId, legs: r.legs.map(submitResponseOf), denial: denialResponseOf(r.denial) };
}
