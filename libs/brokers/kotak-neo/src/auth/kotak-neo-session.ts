import { inspect } from 'node:util';
import { istDateTimeOf } from '@mcube/domain';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { trustedUrl } from '../http/trusted-url';

/** A session as stored (encrypted) by the caller: plain strings and a number, nothing else. */
export interface SerializedKotakNeoSession {
  readonly version: 1;
  readonly ucc: string;
  readonly token: string;
  readonly sid: string;
  readonly baseUrl: string;
  readonly hsServerId?: string;
  readonly dataCenter?: string;
  /** Wall-clock instant of the login, UTC epoch ms. */
  readonly loggedInAtMs: number;
}

const mask = (s: string): string => (s.length <= 2 ? '**' : `${s.slice(0, 2)}***`);

/**
 * The trade session of one account for one trading day: token and sid (headers `Auth`
 * and `Sid`), the per-account `baseUrl` every trade call goes to, `hsServerId` and the
 * data centre. `serialize()` is the only way to get the secrets out (for encrypted
 * storage); `toString`, `toJSON` and `util.inspect` redact them, so a stray log line or
 * `JSON.stringify` never leaks a token.
 */
export class KotakNeoSession {
  readonly #token: string;
  readonly #sid: string;

  private constructor(
    readonly ucc: string,
    token: string,
    sid: string,
    readonly baseUrl: string,
    readonly loggedInAtMs: number,
    readonly hsServerId?: string,
    readonly dataCenter?: string,
  ) {
    this.#token = token;
    this.#sid = sid;
  }

  /** A session from a fresh login (baseUrl already checked). */
  static fromLogin(fields: Omit<SerializedKotakNeoSession, 'version'>): KotakNeoSession {
    return new KotakNeoSession(fields.ucc, fields.token, fields.sid, fields.baseUrl, fields.loggedInAtMs, fields.hsServerId, fields.dataCenter);
  }

  /**
   * A stored session back, validated: REJECTED (INVALID_REQUEST) when a field is missing
   * or the baseUrl is not a host the login URL allows (see `trustedUrl`).
   */
  static deserialize(stored: unknown, loginUrl: string): KotakNeoSession {
    const s = (stored ?? {}) as Partial<Record<keyof SerializedKotakNeoSession, unknown>>;
    const str = (k: keyof SerializedKotakNeoSession): string => {
      const v = s[k];
      if (typeof v !== 'string' || v === '') throw new KotakNeoError('REJECTED', `stored Kotak session has no ${k}`, { reason: 'INVALID_REQUEST' });
      return v;
    };
    const opt = (k: 'hsServerId' | 'dataCenter'): string | undefined => (typeof s[k] === 'string' && s[k] !== '' ? (s[k] as string) : undefined);
    if (s.version !== 1) throw new KotakNeoError('REJECTED', 'stored Kotak session has an unknown version', { reason: 'INVALID_REQUEST' });
    if (typeof s.loggedInAtMs !== 'number' || !Number.isFinite(s.loggedInAtMs)) {
      throw new KotakNeoError('REJECTED', 'stored Kotak session has no login time', { reason: 'INVALID_REQUEST' });
    }
    const baseUrl = trustedUrl(str('baseUrl'), loginUrl, 'stored baseUrl');
    return new KotakNeoSession(str('ucc'), str('token'), str('sid'), baseUrl, s.loggedInAtMs, opt('hsServerId'), opt('dataCenter'));
  }

  /** The IST trading date the session was created on (Kotak sessions end daily). */
  get istDate(): string {
    return istDateTimeOf(this.loggedInAtMs).date;
  }

  /** Headers of an authenticated trade call. */
  authHeaders(): { readonly Auth: string; readonly Sid: string } {
    return { Auth: this.#token, Sid: this.#sid };
  }

  /** Everything, secrets included: encrypt it before storing. */
  serialize(): SerializedKotakNeoSession {
    const base = { version: 1 as const, ucc: this.ucc, token: this.#token, sid: this.#sid, baseUrl: this.baseUrl, loggedInAtMs: this.loggedInAtMs };
    return { ...base, ...(this.hsServerId ? { hsServerId: this.hsServerId } : {}), ...(this.dataCenter ? { dataCenter: this.dataCenter } : {}) };
  }

  toString(): string {
    return `KotakNeoSession(ucc=${mask(this.ucc)}, baseUrl=${this.baseUrl}, loggedInAt=${new Date(this.loggedInAtMs).toISOString()}, token=[redacted], sid=[redacted])`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
