import { BreezeParseError } from '../errors/breeze-parse-error';
import { asArray, asObject, breezeDateTime, count, optDecimal, optText, text } from './breeze-fields';
import type { BreezeOrderAck, BreezeOrderRecord, BreezeOrderStatus } from './breeze-raw.types';
import { actionOf, parseContractFields } from './parse-contract-fields';

const STATUS_WORDS: Readonly<Record<string, BreezeOrderStatus>> = {
  requested: 'REQUESTED',
  r: 'REQUESTED',
  queued: 'QUEUED',
  q: 'QUEUED',
  ordered: 'ORDERED',
  o: 'ORDERED',
  'partially executed': 'PARTIALLY_EXECUTED',
  p: 'PARTIALLY_EXECUTED',
  executed: 'EXECUTED',
  e: 'EXECUTED',
  rejected: 'REJECTED',
  j: 'REJECTED',
  expired: 'EXPIRED',
  x: 'EXPIRED',
  'partially executed and expired': 'PARTIALLY_EXECUTED_AND_EXPIRED',
  b: 'PARTIALLY_EXECUTED_AND_EXPIRED',
  'partially executed and cancelled': 'PARTIALLY_EXECUTED_AND_CANCELLED',
  d: 'PARTIALLY_EXECUTED_AND_CANCELLED',
  freezed: 'FROZEN',
  frozen: 'FROZEN',
  f: 'FROZEN',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
  c: 'CANCELLED',
};

/** The order book (`order` GET with from/to dates) or an order detail; null (no data) → []. */
export function parseOrderList(success: unknown): readonly BreezeOrderRecord[] {
  if (success === null) return [];
  return asArray(success, '$.Success').map((row, i) => parseOrderRecord(row, `$.Success[${i}]`));
}

export function parseOrderRecord(row: unknown, path: string): BreezeOrderRecord {
  const o = asObject(row, path);
  const statusText = text(o, 'status', path);
  const status = STATUS_WORDS[statusText.toLowerCase().replace(/\s+/g, ' ')];
  if (!status) throw new BreezeParseError(`${path}.status`, `unknown order status ${JSON.stringify(statusText)}`);
  const quantity = count(o, 'quantity', path);
  const pendingQuantity = optDecimal(o, 'pending_quantity', path) ?? 0;
  const cancelledQuantity = optDecimal(o, 'cancelled_quantity', path) ?? 0;
  for (const [name, v] of [['pending_quantity', pendingQuantity], ['cancelled_quantity', cancelledQuantity]] as const) {
    if (!Number.isSafeInteger(v) || v < 0 || v > quantity) throw new BreezeParseError(`${path}.${name}`, `must be a whole number between 0 and quantity ${quantity}, got ${v}`);
  }
  const price = optDecimal(o, 'price', path);
  const averagePrice = optDecimal(o, 'average_price', path);
  return {
    ...parseContractFields(o, path),
    orderId: text(o, 'order_id', path),
    exchangeOrderId: optText(o, 'exchange_order_id', path),
    action: actionOf(o, path),
    orderType: text(o, 'order_type', path).toLowerCase(),
    quantity,
    pendingQuantity,
    cancelledQuantity,
    price: price !== undefined && price > 0 ? price : undefined,
    averagePrice: averagePrice !== undefined && averagePrice > 0 ? averagePrice : undefined,
    status,
    userRemark: optText(o, 'user_remark', path),
    orderAtMs: breezeDateTime(text(o, 'order_datetime', path), `${path}.order_datetime`),
  };
}

/** The Success of place / modify / cancel: `{order_id, message, …}`. */
export function parseOrderAck(success: unknown): BreezeOrderAck {
  const o = asObject(success, '$.Success');
  return { orderId: text(o, 'order_id', '$.Success'), message: optText(o, 'message', '$.Success') };
}
