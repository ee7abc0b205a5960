import { BrokerError, type BrokerInstrument, type BrokerOrderReport, type BrokerOrderState, type BrokerPosition } from '@mcube/domain';
import type { BreezeInstrumentResolver } from '../instruments/breeze-instrument-resolver';
import type { BreezeContractFields, BreezeOrderRecord, BreezeOrderStatus, BreezePositionRecord } from '../parse/breeze-raw.types';

const STATE: Readonly<Record<BreezeOrderStatus, BrokerOrderState>> = {
  REQUESTED: 'PENDING',
  QUEUED: 'PENDING',
  // Frozen: held by ICICI's risk desk, not at the exchange yet.
  FROZEN: 'PENDING',
  ORDERED: 'OPEN',
  PARTIALLY_EXECUTED: 'OPEN',
  EXECUTED: 'FILLED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
  PARTIALLY_EXECUTED_AND_EXPIRED: 'EXPIRED',
  CANCELLED: 'CANCELED',
  PARTIALLY_EXECUTED_AND_CANCELLED: 'CANCELED',
};

/** The normalised state of a Breeze order status. */
export function orderStateOf(status: BreezeOrderStatus): BrokerOrderState {
  return STATE[status];
}

/**
 * What the broker says is filled. Breeze reports quantity, pending and cancelled, not filled:
 * filled = quantity − pending − cancelled, except that statuses which mean "nothing traded"
 * (rejected, expired, cancelled without a partial fill) are 0 and "executed" is all of it.
 */
export function filledQuantityOf(order: BreezeOrderRecord): number {
  switch (order.status) {
    case 'EXECUTED':
      return order.quantity;
    case 'REJECTED':
    case 'EXPIRED':
    case 'CANCELLED':
      return 0;
    default:
      return Math.min(order.quantity, Math.max(0, order.quantity - order.pendingQuantity - order.cancelledQuantity));
  }
}

/** The instrument of a Breeze record, or a BrokerError UNKNOWN naming the unmapped ICICI short name. */
export function instrumentOf(resolver: BreezeInstrumentResolver, fields: BreezeContractFields, what: string): BrokerInstrument {
  const instrument = resolver.fromBreeze(fields);
  if (instrument) return instrument;
  throw new BrokerError('UNKNOWN', `ICICI ${what}: ${fields.exchangeCode} ${fields.productType} contract of ICICI short name ${fields.stockCode} is not in the instrument master`, {
    broker: 'ICICI',
    brokerCode: 'UNMAPPED_INSTRUMENT',
  });
}

/** A Breeze order as the domain sees it. */
export function orderReportOf(order: BreezeOrderRecord, resolver: BreezeInstrumentResolver): BrokerOrderReport {
  const filled = filledQuantityOf(order);
  return {
    brokerOrderId: order.orderId,
    clientOrderId: order.userRemark,
    instrument: instrumentOf(resolver, order, `order ${order.orderId}`),
    side: order.action === 'buy' ? 'BUY' : 'SELL',
    quantity: order.quantity,
    limitPrice: order.price,
    state: orderStateOf(order.status),
    filledQuantity: filled,
    averagePrice: filled > 0 ? order.averagePrice : undefined,
    updatedAtMs: order.orderAtMs,
  };
}

/** An open Breeze position as the domain sees it (carry-forward F&O is NRML), or undefined when flat. */
export function positionOf(position: BreezePositionRecord, resolver: BreezeInstrumentResolver): BrokerPosition | undefined {
  if (position.action === 'na' || position.quantity === 0) return undefined;
  return {
    instrument: instrumentOf(resolver, position, 'position'),
    netQuantity: position.action === 'buy' ? position.quantity : -position.quantity,
    averagePrice: position.averagePrice,
    product: 'NRML',
  };
}

/**
 * Mark-to-market P&L of a position in paise: Breeze's `pnl` when it gives one, else
 * (ltp − average) × signed quantity; undefined when neither is known.
 */
export function positionPnl(position: BreezePositionRecord): { readonly pnlPaise: number; readonly source: 'BROKER' | 'COMPUTED' } | undefined {
  if (position.pnl !== undefined) return { pnlPaise: Math.round(position.pnl * 100), source: 'BROKER' };
  if (position.action === 'na' || position.quantity === 0) return { pnlPaise: 0, source: 'COMPUTED' };
  if (position.ltp === undefined) return undefined;
  const signed = position.action === 'buy' ? position.quantity : -position.quantity;
  return { pnlPaise: (Math.round(position.ltp * 100) - Math.round(position.averagePrice * 100)) * signed, source: 'COMPUTED' };
}
