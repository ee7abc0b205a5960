import type { OrderStatus } from '@mcube/domain';
import type { StrategyOrderPort } from '../ports/strategy-order.port';

/** An order the strategy issued and is watching. */
export interface TrackedOrder {
  readonly clientOrderId: string;
  readonly quantity: number;
  readonly limitPrice: number;
  readonly submittedAtMs: number;
  status: OrderStatus;
  filledQuantity: number;
  averagePrice?: number;
  reason?: string;
  cancelRequested: boolean;
  /** A person asked for the cancel (see `StrategyOrderState`). */
  canceledByPerson?: boolean;
}

/** Refreshes `order` from the gateway's view (status, filled quantity, average price, reason). Rejects when the port does. */
export async function refreshOrder(orders: StrategyOrderPort, order: TrackedOrder): Promise<TrackedOrder> {
  const s = await orders.orderStatus(order.clientOrderId);
  order.status = s.status;
  order.filledQuantity = s.filledQuantity;
  order.averagePrice = s.averagePrice;
  order.reason = s.reason;
  order.canceledByPerson = s.canceledByPerson;
  return order;
}
