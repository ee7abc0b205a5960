import { BrokerError } from '@mcube/domain';

/** What the caller must do when an ICICI answer means "stop trading until a person acts". */
export interface BreezeHalt {
  readonly critical: true;
  readonly message: string;
}

/**
 * Codes that mean the day's session, the app key or the caller is refused. mCube cannot log in
 * to ICICI itself (the session key comes from a person, daily), so unlike Kotak there is no
 * re-login first: every one of them halts the account until the day's key is entered again.
 * Where each comes from:
 * - INVALID_SESSION "Invalid session.", SESSION_EXPIRED "Resource not available.", UNKNOWN_APP_KEY
 *   "Public Key does not exist.": Breeze-Python-SDK (4125106b) breeze_connect.py `generate_session`;
 * - INVALID_CHECKSUM "Authentication Fail :: Invalid Checksum.": Breeze-Python-SDK#30, #16, #78;
 * - INVALID_USER "Invalid User Details": Breeze-Python-SDK#39;
 * (the wordings and their sources are in `BREEZE_ERROR_RULES`);
 * - HTTP_401 / HTTP_403: HTTP statuses (`brokerErrorOfHttpStatus`), not wordings: an auth refusal by definition;
 * - NO_SESSION / STALE_SESSION: mCube's own refusal before sending (`todaysSession`): no key of today stored.
 * - IP_NOT_REGISTERED and a session refusal in other words: no published wording; they halt
 *   because DECISIONS §3 wants IP refusals halting and a halt is the safe side.
 * Any other wording without a source is an ordinary rejection (never a halt).
 */
const SESSION_CODES = new Set(['INVALID_SESSION', 'SESSION_EXPIRED', 'NO_SESSION', 'STALE_SESSION', 'UNKNOWN_APP_KEY', 'INVALID_CHECKSUM', 'INVALID_USER', 'HTTP_401', 'HTTP_403']);

/**
 * The halt an ICICI error calls for, or undefined (the same contract as Kotak's `halt` field:
 * the caller halts the account and raises CRITICAL with `message`). Only the execution path
 * asks: a refused key at the session exchange is answered to the person who typed it.
 */
export function breezeHaltOf(error: unknown): BreezeHalt | undefined {
  if (!(error instanceof BrokerError) || error.details.broker !== 'ICICI' || error.kind !== 'AUTH_EXPIRED') return undefined;
  const code = error.details.brokerCode ?? '';
  if (code === 'IP_NOT_REGISTERED') return { critical: true, message: `${error.message}: orders must leave from the IP address registered with ICICI` };
  if (SESSION_CODES.has(code)) return { critical: true, message: `${error.message}: ICICI refused the session; a trader must enter the day's API session key (Settings → Accounts, or /icici <key> on Telegram) before the account trades again` };
  return undefined;
}
