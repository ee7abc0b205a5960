import type { Clock } from '@mcube/domain';
import { malformedResponse, refusedBeforeSending } from '../errors/breeze-error-map';
import { BreezeParseError } from '../errors/breeze-parse-error';
import type { BreezeHttpClient } from '../http/breeze-http.client';
import { asObject, text } from '../parse/breeze-fields';
import { breezeSessionOf, BreezeSessionFormatError, type BreezeSession } from './breeze-session';

/** The API session key as ICICI's login redirect carries it (digits; letters tolerated). */
const API_SESSION_RE = /^[A-Za-z0-9]{4,64}$/;

/**
 * Exchanges the day's API session key for a session through `customerdetails`.
 * Rejects with BrokerError: AUTH_EXPIRED for "Invalid session." (wrong key), "Resource not
 * available." (expired key) and "Public Key does not exist." (wrong app key); REJECTED for
 * a key that is not one (nothing sent); TEMPORARY for network failures; UNKNOWN for an answer
 * without a usable `session_token`.
 */
export async function exchangeBreezeSessionKey(http: BreezeHttpClient, clock: Clock, apiSession: string): Promise<BreezeSession> {
  const key = typeof apiSession === 'string' ? apiSession.trim() : '';
  if (!API_SESSION_RE.test(key)) throw refusedBeforeSending('REJECTED', 'the API session key must be 4–64 letters or digits, as shown after ICICI login', 'BAD_SESSION_KEY');
  const success = await http.customerDetails(key);
  try {
    const details = asObject(success, '$.Success');
    const token = text(details, 'session_token', '$.Success');
    const decoded = decodeStrictBase64(token);
    const colon = decoded.indexOf(':');
    if (colon <= 0 || colon === decoded.length - 1) throw new BreezeParseError('$.Success.session_token', 'does not decode to "userId:sessionKey"');
    return breezeSessionOf(decoded.slice(0, colon), decoded.slice(colon + 1), clock.nowMs());
  } catch (e) {
    if (e instanceof BreezeParseError || e instanceof BreezeSessionFormatError) throw malformedResponse('session exchange', e);
    throw e;
  }
}

function decodeStrictBase64(value: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) throw new BreezeParseError('$.Success.session_token', 'is not base64');
  return Buffer.from(value, 'base64').toString('utf8');
}
