// Mirrors of the order vocabulary of libs/domain/src/orders/order-types.ts, kept local so the
// schema does not depend on the domain barrel; switch to `import type` from @mcube/domain
// once it exports them.

/** Lifecycle status of an order (see the domain's order state machine). */
export type OrderStatusCode =
  | 'INITIALIZED'
  | 'DENIED'
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'PARTIALLY_FILLED'
  | 'FILLED'
  | 'PENDING_CANCEL'
  | 'CANCELED'
  | 'EXPIRED';

/** BUY or SELL. */
export type OrderSideCode = 'BUY' | 'SELL';

/** LIMIT or (protected) MARKET. */
export type OrderTypeCode = 'LIMIT' | 'MARKET';

/** Why the order exists. */
export type OrderPurposeCode = 'ENTRY' | 'EXIT' | 'AVERAGE' | 'ADJUST';
