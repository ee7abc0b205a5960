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
 * sometimes with HTTP 200). Ordered from most to least specific. A text that matches none is
 * UNKNOWN: for an order that means "may have happened" and is settled by its remark, never resent.
 *
 * The AUTH_EXPIRED rules halt the account (`breezeHaltOf`), so each names where Breeze was seen
 * answering that wording. SDK = Idirect-Tech/Breeze-Python-SDK at 4125106b48932ff99b45d593749dcec21c552558,
 * breeze_connect/breeze_connect.py, the customer-details branch of `generate_session` (about
 * line 844), which compares `json_data['Error']` with these exact strings. A wording mCube has no
 * source for (e.g. "API/algo orders not
 * enabled") is an ordinary rejection of that one call, except a session or IP refusal (below).
 */
export const BREEZE_ERROR_RULES: readonly BreezeErrorRule[] = Object.freeze([
  // customerdetails (session exchange) and every signed call
  // Source: SDK `if json_data['Error'] == 'Invalid session.'` → "Could not authenticate credentials. Please check session key."
  { pattern: /^invalid session\.?$/i, kind: 'AUTH_EXPIRED', code: 'INVALID_SESSION' },
  // Source: SDK `elif json_data['Error'] == 'Resource not available.'` → "Session key is expired.";
  // seen as {'Error': 'Resource not available.', 'Status': 500} in Breeze-Python-SDK#210 (a key of the previous day).
  { pattern: /^resource not available\.?$/i, kind: 'AUTH_EXPIRED', code: 'SESSION_EXPIRED' },
  // Source: SDK `elif json_data['Error'] == 'Public Key does not exist.'` → "Could not authenticate credentials. Please check api key."
  { pattern: /public key does not exist/i, kind: 'AUTH_EXPIRED', code: 'UNKNOWN_APP_KEY' },
  // Source: {'Status': 5, 'Error': 'Authentication Fail :: Invalid Checksum.'} in Breeze-Python-SDK#30 (a regenerated
  // secret key; maintainer: "make sure you're using same app key and secret key"), #16 and #78.
  { pattern: /invalid checksum/i, kind: 'AUTH_EXPIRED', code: 'INVALID_CHECKSUM' },
  // Source: {'Success': None, 'Status': 500, 'Error': 'Invalid User Details'} in Breeze-Python-SDK#39 (signed calls
  // refused for the session; the reporter saw it pass on a retry, the maintainer gave no cause: halting is the safe reading).
  { pattern: /invalid user details/i, kind: 'AUTH_EXPIRED', code: 'INVALID_USER' },
  // No published source for these two: halting anyway is the safe side (a halt costs a person's
  // look; sending on after the session or the IP was refused costs unknown orders). DECISIONS §3
  // requires IP refusals to halt. The SDK's own "Session key is expired." is its translation of
  // "Resource not available." above; a Breeze text saying the same in other words halts too.
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
  // "API/algo orders not enabled" and the like land here: no source, an ordinary rejection (never a halt).
  { pattern: /market orders? (are )?not (permitted|allowed)|algo/i, kind: 'REJECTED', code: 'NOT_PERMITTED' },
  { pattern: /price (range|band)|circuit|freeze|tick/i, kind: 'REJECTED', code: 'PRICE_OR_QUANTITY' },
  { pattern: /cannot be empty|should be|must be|invalid|not (allowed|permitted|found)|no data found|does not exist/i, kind: 'REJECTED', code: 'BAD_REQUEST' },
]);
