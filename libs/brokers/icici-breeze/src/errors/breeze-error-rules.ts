import type { BrokerErrorKind } from '@mcube/domain';

/** One known Breeze `Error` text and what it means. First match wins. */
export interface BreezeErrorRule {
  readonly pattern: RegExp;
  readonly kind: BrokerErrorKind;
  /** Our stable code for the case (Breeze has no error codes of its own). */
  readonly code: string;
}

/**
 * Breeze answers errors as text in the envelope (`{"Success": null, "Status": 500, "Error": "…"}`,
 * sometimes with HTTP 200). The texts below are the ones the official SDK and its issue tracker
 * show; ordered from most to least specific. A text that matches none is UNKNOWN: for an order
 * that means "may have happened" and is settled by its remark, never resent.
 */
export const BREEZE_ERROR_RULES: readonly BreezeErrorRule[] = Object.freeze([
  // customerdetails (session exchange) and every signed call
  { pattern: /^invalid session\.?$/i, kind: 'AUTH_EXPIRED', code: 'INVALID_SESSION' },
  { pattern: /^resource not available\.?$/i, kind: 'AUTH_EXPIRED', code: 'SESSION_EXPIRED' },
  { pattern: /public key does not exist/i, kind: 'AUTH_EXPIRED', code: 'UNKNOWN_APP_KEY' },
  { pattern: /invalid checksum/i, kind: 'AUTH_EXPIRED', code: 'INVALID_CHECKSUM' },
  { pattern: /invalid user details/i, kind: 'AUTH_EXPIRED', code: 'INVALID_USER' },
  { pattern: /session (key |token )?(is )?(expired|invalid)|session expired|login again/i, kind: 'AUTH_EXPIRED', code: 'SESSION_EXPIRED' },
  { pattern: /static ip|ip (address )?not (registered|whitelisted|allowed)/i, kind: 'AUTH_EXPIRED', code: 'IP_NOT_REGISTERED' },
  // request rate (Breeze: 100 calls/minute, 5000/day, 10 orders/second)
  { pattern: /limit exceed|rate limit|too many requests|request limit/i, kind: 'RATE_LIMITED', code: 'RATE_LIMITED' },
  // money
  { pattern: /insufficient|shortfall|not enough (funds|margin|balance)/i, kind: 'INSUFFICIENT_FUNDS', code: 'INSUFFICIENT_FUNDS' },
  // outages the broker reports in words
  { pattern: /error while calling service|service (is )?unavailable|try again later|timed? ?out|under maintenance/i, kind: 'TEMPORARY', code: 'BROKER_UNAVAILABLE' },
  // the request itself was refused
  { pattern: /already (been )?(executed|cancel+ed|rejected|expired)|cannot be (modified|cancel+ed)|not in (open|pending) state/i, kind: 'REJECTED', code: 'ORDER_NOT_OPEN' },
  { pattern: /market orders? (are )?not (permitted|allowed)|algo/i, kind: 'REJECTED', code: 'NOT_PERMITTED' },
  { pattern: /price (range|band)|circuit|freeze|tick/i, kind: 'REJECTED', code: 'PRICE_OR_QUANTITY' },
  { pattern: /cannot be empty|should be|must be|invalid|not (allowed|permitted|found)|no data found|does not exist/i, kind: 'REJECTED', code: 'BAD_REQUEST' },
]);
