/** Buy or sell, as sent to the exchange. */
export type OrderSide = 'BUY' | 'SELL';

/**
 * How an order is priced. Exchanges reject algo MARKET orders (DECISIONS §3): a MARKET
 * intent must be turned into a protected LIMIT (`protectedLimitPrice`) before it is sent.
 */
export type OrderType = 'LIMIT' | 'MARKET';

/**
 * Why an order exists. ENTRY opens a position, AVERAGE adds to a losing futures
 * position, ADJUST changes a strangle leg, EXIT closes (part of) a position. TEST_ORDER is
 * `broker:check --place-test-order`'s one order: 1 lot BUY LIMIT of a far out-of-the-money
 * option at the minimum tick, cancelled at once (`testOrderRiskCheck` holds it to that shape).
 * (At most 10 characters: the journal's column.)
 */
export type OrderPurpose = 'ENTRY' | 'EXIT' | 'AVERAGE' | 'ADJUST' | 'TEST_ORDER';

/**
 * Lifecycle status of an order (NautilusTrader's vocabulary, trimmed to what our brokers do).
 * - INITIALIZED: journaled by mCube, nothing sent yet.
 * - DENIED: refused by mCube's own risk checks; never left mCube. Terminal.
 * - SUBMITTED: sent to the broker and in flight. Also the status of a send that timed out:
 *   its outcome is unknown (`inFlightUnknown`), never assumed rejected.
 * - ACCEPTED: acknowledged by the broker (has a broker order id), working.
 * - REJECTED: refused by the broker or exchange. Terminal.
 * - PARTIALLY_FILLED: some quantity filled, the rest working.
 * - FILLED: filled quantity equals order quantity. Terminal.
 * - PENDING_CANCEL: a cancel was requested and not yet answered.
 * - CANCELED: canceled (any filled part stays filled). Terminal.
 * - EXPIRED: the exchange ended its validity (end of day). Terminal.
 */
export type OrderStatus =
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

/** Every order status, in lifecycle order (for exhaustive tests and UI filters). */
export const ORDER_STATUSES: readonly OrderStatus[] = Object.freeze([
  'INITIALIZED',
  'DENIED',
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'PARTIALLY_FILLED',
  'FILLED',
  'PENDING_CANCEL',
  'CANCELED',
  'EXPIRED',
] as const);
