import type { OrderStatus, StrategyEntryCommand, StrategyOrderCommand } from '@mcube/domain';

/** What the gateway answered to one intent. DENIED = mCube's risk checks; REJECTED = the broker; UNKNOWN = in flight, outcome not known yet. */
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
  /** Average fill price, when something filled. */
  readonly averagePrice?: number;
  readonly reason?: string;
  /** A person (not mCube) asked for the cancel: a closing order canceled so is not sent again. */
  readonly canceledByPerson?: boolean;
}

/**
 * The one way the strategy trades: the API's `OrdersService` implements it (risk checks,
 * clientOrderId, persistence, slicing to the freeze quantity, throttling, broker).
 * Guarantees: `submit` and `submitEntry` never throw for a refusal (DENIED/REJECTED are
 * results) and never resubmit by themselves; entry legs are idempotent per strategy position
 * id and leg, so asking again after a restart returns what was journaled the first time (a
 * closing order is always a new order: a resumed exit adopts the working one it finds in the
 * position view instead of asking again); `submitEntry` sends the legs of one entry as ONE
 * command (checked as a whole, every leg journaled before any is sent; a leg the broker
 * rejects stops the others) and answers one result per leg in order; `findEntry` reports the
 * legs journaled for the entry of a strategy position id, or null when the gateway never got
 * it; `orderStatus` reports the gateway's current view of an order it issued (unknown ids
 * reject); `cancel` asks for a cancel and resolves once asked (the order may still fill: read
 * `orderStatus`); `requestExit` is stored before it resolves. Infrastructure failures reject.
 */
export interface StrategyOrderPort {
  submit(command: StrategyOrderCommand): Promise<StrategySubmitResult>;
  submitEntry(entry: StrategyEntryCommand): Promise<StrategySubmitResult[]>;
  findEntry(positionId: string): Promise<StrategySubmitResult[] | null>;
  orderStatus(clientOrderId: string): Promise<StrategyOrderState>;
  cancel(clientOrderId: string): Promise<void>;
  /**
   * Stores that the strategy is closing position `positionId` for `reasonCode` (before its first
   * closing order), so the exit is known after a restart and shown as EXITING. Never takes an
   * exit away from a person or the breaker (the position view then shows their owner).
   */
  requestExit(positionId: string, reasonCode: string): Promise<void>;
}
