import type { IsoDate, PlaceOrderRequest } from '@mcube/domain';
import { refusedBeforeSending } from '../errors/breeze-error-map';
import type { BreezeContractRef } from '../instruments/breeze-instrument-resolver';

/**
 * mCube's clientOrderId goes into `user_remark` and is the only way to find an order after a
 * timeout, so it must survive the trip unchanged: letters and digits, at most 24 characters
 * (mCube's ids are 20–23). ICICI's documented limit is unknown; see README.
 */
export const BREEZE_REMARK_RE = /^[A-Za-z0-9]{1,24}$/;

/** Breeze dates in request bodies: an ISO instant on that IST date (06:00Z = 11:30 IST), as the SDK examples write them. */
export function breezeRequestDate(date: IsoDate): string {
  return `${date}T06:00:00.000Z`;
}

/**
 * A day range for the order and trade books: 00:00:00 to 23:59:59 with Breeze's 'Z'. Whether
 * Breeze reads the date part only, the clock time as IST (as its charts do) or a UTC instant,
 * these bounds cover the whole trading day of each date (09:15–15:30 IST).
 */
export function breezeDayRange(from: IsoDate, to: IsoDate): { readonly from_date: string; readonly to_date: string } {
  return { from_date: `${from}T00:00:00.000Z`, to_date: `${to}T23:59:59.000Z` };
}

/** A rupee price as Breeze takes it: decimal text, at most two decimals, no exponent ('101.5', '23700'). */
export function breezePrice(price: number): string {
  const paise = Math.round(price * 100);
  if (!Number.isFinite(price) || price <= 0 || Math.abs(price * 100 - paise) > 1e-6) {
    throw refusedBeforeSending('REJECTED', `limit price must be > 0 with at most 2 decimals, got ${price}`, 'BAD_PRICE');
  }
  const rupees = Math.floor(paise / 100);
  const rest = paise % 100;
  return rest === 0 ? String(rupees) : `${rupees}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * Checks what Breeze cannot take before anything is sent: NRML only (Breeze's `futures`/`options`
 * products are carry-forward; intraday "plus" products are prohibited via API), DAY or IOC,
 * whole units > 0, a remark that survives. Throws BrokerError REJECTED.
 */
export function assertPlaceable(request: PlaceOrderRequest): void {
  if (!BREEZE_REMARK_RE.test(request.clientOrderId)) throw refusedBeforeSending('REJECTED', `clientOrderId ${JSON.stringify(request.clientOrderId)} cannot be a Breeze remark (letters/digits, ≤ 24)`, 'BAD_REMARK');
  if (request.product !== 'NRML') throw refusedBeforeSending('REJECTED', `product ${request.product} is not offered: Breeze F&O orders are carry-forward (NRML)`, 'BAD_PRODUCT');
  if (request.validity !== 'DAY' && request.validity !== 'IOC') throw refusedBeforeSending('REJECTED', `validity ${String(request.validity)} is not DAY or IOC`, 'BAD_VALIDITY');
  if (!Number.isSafeInteger(request.quantity) || request.quantity <= 0) throw refusedBeforeSending('REJECTED', `quantity must be whole units > 0, got ${request.quantity}`, 'BAD_QUANTITY');
  if (request.side !== 'BUY' && request.side !== 'SELL') throw refusedBeforeSending('REJECTED', `side ${String(request.side)} is not BUY or SELL`, 'BAD_SIDE');
  breezePrice(request.limitPrice);
}

/** The `order` POST body, keys in the SDK's order. Limit orders only: mCube never sends market orders. */
export function placeOrderBody(request: PlaceOrderRequest, contract: BreezeContractRef): Record<string, string> {
  return {
    stock_code: contract.stockCode,
    exchange_code: contract.exchangeCode,
    product: contract.productType,
    action: request.side === 'BUY' ? 'buy' : 'sell',
    order_type: 'limit',
    quantity: String(request.quantity),
    price: breezePrice(request.limitPrice),
    validity: request.validity === 'IOC' ? 'ioc' : 'day',
    settlement_id: '',
    order_segment_code: '',
    lots: '',
    user_remark: request.clientOrderId,
    disclosed_quantity: '0',
    expiry_date: breezeRequestDate(contract.expiry),
    right: contract.right,
    strike_price: contract.strikePrice === 0 ? '0' : String(contract.strikePrice),
  };
}

/** The `order` PUT body: a limit order's new price and/or quantity. */
export function modifyOrderBody(input: { readonly brokerOrderId: string; readonly quantity?: number; readonly limitPrice?: number }): Record<string, string> {
  if (input.quantity === undefined && input.limitPrice === undefined) throw refusedBeforeSending('REJECTED', 'a modify needs a new quantity or price', 'EMPTY_MODIFY');
  if (input.quantity !== undefined && (!Number.isSafeInteger(input.quantity) || input.quantity <= 0)) throw refusedBeforeSending('REJECTED', `quantity must be whole units > 0, got ${input.quantity}`, 'BAD_QUANTITY');
  const body: Record<string, string> = { order_id: input.brokerOrderId, exchange_code: 'NFO', order_type: 'limit' };
  if (input.quantity !== undefined) body['quantity'] = String(input.quantity);
  if (input.limitPrice !== undefined) body['price'] = breezePrice(input.limitPrice);
  body['validity'] = 'day';
  return body;
}
