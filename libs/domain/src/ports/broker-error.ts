import type { BrokerName } from '../risk/order-terms';

/**
 * The small vocabulary every broker failure is turned into at the adapter's edge, so the
 * order path never parses broker text:
 * - TEMPORARY: network error, timeout, 5xx, broker maintenance: may or may not have happened.
 * - AUTH_EXPIRED: session token or IP whitelist refused (log in again; alert).
 * - RATE_LIMITED: the broker refused for request rate, before processing.
 * - INSUFFICIENT_FUNDS: margin shortfall (RMS).
 * - REJECTED: the broker/exchange refused the request itself (bad field, algo rule, order already complete).
 * - UNKNOWN: anything unclassified; treated as "may have happened".
 */
export type BrokerErrorKind = 'TEMPORARY' | 'AUTH_EXPIRED' | 'RATE_LIMITED' | 'INSUFFICIENT_FUNDS' | 'REJECTED' | 'UNKNOWN';

/** Every broker error kind (for exhaustive mapping tests). */
export const BROKER_ERROR_KINDS: readonly BrokerErrorKind[] = Object.freeze([
  'TEMPORARY',
  'AUTH_EXPIRED',
  'RATE_LIMITED',
  'INSUFFICIENT_FUNDS',
  'REJECTED',
  'UNKNOWN',
] as const);

/** Details an adapter attaches to a `BrokerError`. */
export interface BrokerErrorDetails {
  readonly broker?: BrokerName | 'PAPER';
  /** The broker's own code, e.g. Kotak '1017' or '100022'. */
  readonly brokerCode?: string;
  /** When the broker says when to come back (RATE_LIMITED). */
  readonly retryAfterMs?: number;
  /** The original error, for logs only. */
  readonly cause?: unknown;
}

/**
 * The one error type an `ExecutionClient` or `MarketDataPort` adapter throws. Raw broker
 * payloads never travel further than the adapter; `kind` is what callers switch on.
 */
export class BrokerError extends Error {
  readonly kind: BrokerErrorKind;
  readonly details: BrokerErrorDetails;

  constructor(kind: BrokerErrorKind, message: string, details: BrokerErrorDetails = {}) {
    super(message);
    this.name = 'BrokerError';
    this.kind = kind;
    this.details = details;
  }
}

/**
 * What a failed `placeOrder` means for the order. NOT_PLACED: the broker refused before
 * taking the order (REJECTED, INSUFFICIENT_FUNDS, AUTH_EXPIRED, RATE_LIMITED), so the order
 * becomes REJECTED (a retry, once the cause is fixed, is a new order with a new clientOrderId). UNKNOWN: it may have been placed (TEMPORARY, UNKNOWN, e.g. a timeout),
 * so the order stays SUBMITTED with `inFlightUnknown` and is settled by updates, lookup by
 * tag or reconciliation: never resubmitted blindly (DECISIONS §3).
 */
export function placeOrderOutcome(kind: BrokerErrorKind): 'NOT_PLACED' | 'UNKNOWN' {
  switch (kind) {
    case 'REJECTED':
    case 'INSUFFICIENT_FUNDS':
    case 'AUTH_EXPIRED':
    case 'RATE_LIMITED':
      return 'NOT_PLACED';
    case 'TEMPORARY':
    case 'UNKNOWN':
      return 'UNKNOWN';
  }
}

/**
 * Whether a READ (order book, trades, positions, margin, quotes) may simply be retried
 * after a backoff: TEMPORARY and RATE_LIMITED. Never use this for `placeOrder`.
 */
export function isRetryableRead(kind: BrokerErrorKind): boolean {
  return kind === 'TEMPORARY' || kind === 'RATE_LIMITED';
}
