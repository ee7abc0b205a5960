import type { OrderStatus, StrategyOrderCommand } from '@mcube/domain';

/** What the gateway answered to one order. DENIED = mCube's risk checks; REJECTED = the broker; UNKNOWN = in flight, outcome not known yet. */
export interface StrategySubmitResult {
  readonly clientOrderId: string;
  readonly status: 'ACCEPTED' | 'DENIED' | 'REJECTED' | 'UNKNOWN';
  /** Why it was denied or rejected (a risk denial code or the broker's reason). */
  readonly denial?: { readonly code: string; readonly message: string };
}

/** An order as the strategy sees it. Quantities are units; prices rupees. */
export interface StrategyOrderState {
  readonly clientOrderId: string;
  readonly status: OrderStatus;
  readonly filledQuantity: number;
  readonly averagePrice?: number;
  readonly reason?: string;
}

/**
 * The one way the strategy trades (same contract as the strangle's): it emits the domain's
 * `StrategyOrderCommand` (its own position id, its sizing as caller figures) and the API's host
 * sends it through the `OrdersService` gateway (risk checks including the approval,
 * clientOrderId, persistence, throttling, broker). Guarantees: `submit` never throws for a refusal (DENIED/REJECTED are
 * results) and never resubmits by itself; with an `idempotencyKey` the order's clientOrderId
 * is `clientOrderIdFor(key)` (known before it is sent, so it can be stored first) and the same
 * key never makes a second order (it answers the first one's result); `orderStatus` reports the
 * gateway's view of an order it issued (unknown ids reject); `isIssued` says whether the
 * gateway has any order under that id; `cancel` resolves once asked. Infrastructure failures reject.
 */
export interface StrategyOrderPort {
  submit(order: StrategyOrderCommand, idempotencyKey?: string): Promise<StrategySubmitResult>;
  clientOrderIdFor(idempotencyKey: string): string;
  orderStatus(clientOrderId: string): Promise<StrategyOrderState>;
  isIssued(clientOrderId: string): Promise<boolean>;
  cancel(clientOrderId: string): Promise<void>;
}
