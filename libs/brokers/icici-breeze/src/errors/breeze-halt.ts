import { BrokerError } from '@mcube/domain';

/** What the caller must do when an ICICI answer means "stop trading until a person acts". */
export interface BreezeHalt {
  readonly critical: true;
  readonly message: string;
}

/**
 * Codes (see `BREEZE_ERROR_RULES`, `brokerErrorOfHttpStatus`, `todaysSession`) that mean the
 * day's session, the app key or the caller is refused. mCube cannot log in to ICICI itself (the
 * session key comes from a person, daily), so unlike Kotak there is no re-login first: every
 * one of them halts the account until the day's key is entered again.
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
