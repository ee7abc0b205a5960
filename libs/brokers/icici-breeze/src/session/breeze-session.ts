import { istDateTimeOf, type IsoDate } from '@mcube/domain';

/**
 * A day's Breeze session: what `customerdetails` gave in exchange for the API session key the
 * user got on ICICI's login page. `sessionKey` and `sessionToken` are secrets: the caller
 * stores the serialised form encrypted and nothing in this library logs or prints them.
 */
export interface BreezeSession {
  readonly userId: string;
  readonly sessionKey: string;
  /** base64("userId:sessionKey"): the X-SessionToken header. */
  readonly sessionToken: string;
  /** When it was exchanged, UTC epoch ms. */
  readonly obtainedAtMs: number;
  /** The IST trading date it was obtained on (ICICI sessions end daily). */
  readonly tradeDate: IsoDate;
}

/** Where the execution and market-data clients read the current session (the encrypted store, in the API). */
export interface BreezeSessionSource {
  /** The stored session, or undefined when none was entered. */
  current(): Promise<BreezeSession | undefined>;
}

/** A stored session text that cannot be read back. */
export class BreezeSessionFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BreezeSessionFormatError';
  }
}

const VERSION = 1;

/** Builds a session from the decoded user id and key (the token is derived, never taken on trust). */
export function breezeSessionOf(userId: string, sessionKey: string, obtainedAtMs: number): BreezeSession {
  if (!/^[^:\s]+$/.test(userId) || !/^[^:\s]+$/.test(sessionKey)) throw new BreezeSessionFormatError('a Breeze user id and session key are non-empty and contain no ":" or spaces');
  return Object.freeze({
    userId,
    sessionKey,
    sessionToken: Buffer.from(`${userId}:${sessionKey}`, 'utf8').toString('base64'),
    obtainedAtMs,
    tradeDate: istDateTimeOf(obtainedAtMs).date,
  });
}

/** The text to store (encrypted) for a session. */
export function serializeBreezeSession(session: BreezeSession): string {
  return JSON.stringify({ v: VERSION, userId: session.userId, sessionKey: session.sessionKey, obtainedAtMs: session.obtainedAtMs });
}

/** Reads a stored session back; throws BreezeSessionFormatError (without echoing the text) when it is not one. */
export function parseBreezeSession(text: string): BreezeSession {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    throw new BreezeSessionFormatError('stored ICICI session is not JSON');
  }
  const r = o as { v?: unknown; userId?: unknown; sessionKey?: unknown; obtainedAtMs?: unknown };
  if (typeof o !== 'object' || o === null || r.v !== VERSION) throw new BreezeSessionFormatError(`stored ICICI session is not version ${VERSION}`);
  if (typeof r.userId !== 'string' || typeof r.sessionKey !== 'string') throw new BreezeSessionFormatError('stored ICICI session lacks userId or sessionKey');
  if (typeof r.obtainedAtMs !== 'number' || !Number.isSafeInteger(r.obtainedAtMs)) throw new BreezeSessionFormatError('stored ICICI session lacks obtainedAtMs');
  return breezeSessionOf(r.userId, r.sessionKey, r.obtainedAtMs);
}

/** A log-safe description: the user id half-masked, no key, no token. */
export function describeBreezeSession(session: BreezeSession): string {
  const id = session.userId;
  const masked = id.length <= 4 ? '****' : `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
  return `ICICI Breeze session of ${masked} from ${session.tradeDate}`;
}

/** Whether a session was obtained on the IST date of `nowMs` (a key from yesterday has expired). */
export function isBreezeSessionOfToday(session: BreezeSession, nowMs: number): boolean {
  return session.tradeDate === istDateTimeOf(nowMs).date;
}

/**
 * The page the user opens to log in and receive the day's API session key. The app key is
 * URL-encoded (keys can contain '+', '=', '!'); the app key is not a secret, the secret key never appears.
 */
export function breezeLoginUrl(loginUrl: string, appKey: string): string {
  const url = new URL(loginUrl);
  url.searchParams.set('api_key', appKey);
  return url.toString();
}
