import { DomainError } from '../errors/domain-error';
import { assertInteger, assertPositive } from '../validation/assert';
import type { RiskDenialCode } from '../risk/risk-denial-code';
import type { OrderPurpose, OrderSide, OrderStatus, OrderType } from './order-types';
import { paiseOfPrice } from '../money/paise';

/** One execution recorded on an order. */
export interface OrderFill {
  readonly tradeId: string;
  readonly quantity: number;
  readonly price: number;
  readonly occurredAtMs: number;
}

/**
 * An immutable snapshot of one order. `filledQuantity` and `averageFillPrice` are derived
 * from `fills` by the state machine, never copied from a broker's status text.
 */
export interface Order {
  /** mCube's idempotency key, also put in the broker's tag field. */
  readonly clientOrderId: string;
  readonly accountId: string;
  readonly instrumentId: string;
  readonly side: OrderSide;
  readonly orderType: OrderType;
  readonly purpose: OrderPurpose;
  /** Units (not lots), > 0. */
  readonly quantity: number;
  /** Limit price in rupees; present for LIMIT orders. */
  readonly limitPrice?: number;
  readonly status: OrderStatus;
  readonly brokerOrderId?: string;
  /** True after a send timed out and until the broker tells us anything about the order. */
  readonly inFlightUnknown: boolean;
  readonly fills: readonly OrderFill[];
  readonly filledQuantity: number;
  /** Quantity-weighted average of fill prices (rupees); undefined before the first fill. */
  readonly averageFillPrice?: number;
  /** The status a cancel request left; restored if the cancel is rejected. */
  readonly statusBeforeCancel?: OrderStatus;
  readonly denial?: {
    readonly code: RiskDenialCode;
    readonly message: string;
    readonly context: Readonly<Record<string, string | number | boolean>>;
  };
  readonly rejectReason?: string;
  readonly cancelRejectReason?: string;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

/** What `createOrder` needs: the order's identity and terms. */
export interface CreateOrderParams {
  readonly clientOrderId: string;
  readonly accountId: string;
  readonly instrumentId: string;
  readonly side: OrderSide;
  readonly orderType: OrderType;
  readonly purpose: OrderPurpose;
  readonly quantity: number;
  readonly limitPrice?: number;
  readonly createdAtMs: number;
}

/**
 * A new INITIALIZED order with no fills. Throws INVALID_ARGUMENT for an empty id, a
 * quantity that is not a whole number > 0, a LIMIT order without a positive finite price,
 * or a non-finite creation time.
 */
export function createOrder(params: CreateOrderParams): Order {
  if (!params.clientOrderId) throw new DomainError('INVALID_ARGUMENT', 'clientOrderId must not be empty');
  assertInteger('quantity', params.quantity, { min: 1 });
  if (params.orderType === 'LIMIT' || params.limitPrice !== undefined) assertPositive('limitPrice', params.limitPrice);
  assertInteger('createdAtMs', params.createdAtMs);
  return {
    ...params,
    status: 'INITIALIZED',
    inFlightUnknown: false,
    fills: [],
    filledQuantity: 0,
    updatedAtMs: params.createdAtMs,
  };
}

/** Quantity still to be filled (never negative). */
export function leavesQuantity(order: Order): number {
  return order.quantity - order.filledQuantity;
}

/** True when the order already holds a fill with this broker trade id (dedupe before applying a FILLED event). */
export function hasFill(order: Order, tradeId: string): boolean {
  return order.fills.some((f) => f.tradeId === tradeId);
}

/**
 * Filled quantity and quantity-weighted average price of a list of fills. Prices are summed
 * in integer paise so the average does not drift with the number of fills.
 */
export function summariseFills(fills: readonly OrderFill[]): { filledQuantity: number; averageFillPrice?: number } {
  let qty = 0;
  let paise = 0;
  for (const f of fills) {
    qty += f.quantity;
    paise += paiseOfPrice(f.price) * f.quantity;
  }
  return qty === 0 ? { filledQuantity: 0 } : { filledQuantity: qty, averageFillPrice: paise / qty / 100 };
}
