import { inspect } from 'node:util';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { decodeBase32 } from './base32';

/** What an account's Kotak login needs; all of it is secret except the UCC. */
export interface KotakNeoCredentialsInput {
  /** The token from NEO → Trade API (sent as `Authorization`). */
  readonly consumerKey: string;
  /** Registered mobile: '+91' and 10 digits (10 digits alone get '+91'). */
  readonly mobileNumber: string;
  /** Unique client code. */
  readonly ucc: string;
  /** The TOTP setup key (base32) registered in the API dashboard. */
  readonly totpSecret: string;
  /** Trading MPIN (4–6 digits). */
  readonly mpin: string;
}

function invalid(field: string, why: string): KotakNeoError {
  return new KotakNeoError('REJECTED', `Kotak credentials: ${field} ${why}`, { reason: 'INVALID_REQUEST' });
}

const mask = (s: string): string => (s.length <= 2 ? '**' : `${s.slice(0, 2)}${'*'.repeat(Math.min(6, s.length - 2))}`);

/**
 * Validated credentials. Secrets are held in private fields and never printed:
 * `toString`, `toJSON` and `util.inspect` show only the masked UCC. The caller reads them
 * from the environment or its encrypted store and builds this at login time.
 */
export class KotakNeoCredentials {
  readonly #consumerKey: string;
  readonly #mobileNumber: string;
  readonly #ucc: string;
  readonly #totpSecret: Buffer;
  readonly #mpin: string;

  private constructor(input: KotakNeoCredentialsInput, secret: Buffer, mobile: string) {
    this.#consumerKey = input.consumerKey.trim();
    this.#mobileNumber = mobile;
    this.#ucc = input.ucc.trim();
    this.#totpSecret = secret;
    this.#mpin = input.mpin.trim();
  }

  /** Checks every field; REJECTED (INVALID_REQUEST) naming the field, never its value. */
  static create(input: KotakNeoCredentialsInput): KotakNeoCredentials {
    if (!input || typeof input !== 'object') throw invalid('input', 'is missing');
    const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
    if (str(input.consumerKey) === '') throw invalid('consumerKey', 'is empty');
    if (!/^[A-Za-z0-9]{1,20}$/.test(str(input.ucc))) throw invalid('ucc', 'must be 1–20 letters or digits');
    if (!/^\d{4,6}$/.test(str(input.mpin))) throw invalid('mpin', 'must be 4–6 digits');
    const digits = str(input.mobileNumber).replace(/[\s-]/g, '');
    const mobile = /^\d{10}$/.test(digits) ? `+91${digits}` : digits;
    if (!/^\+91\d{10}$/.test(mobile)) throw invalid('mobileNumber', "must be '+91' and 10 digits");
    let secret: Buffer;
    try {
      secret = decodeBase32(str(input.totpSecret));
    } catch (error) {
      throw invalid('totpSecret', `is not a base32 key (${(error as Error).message})`);
    }
    if (secret.length < 10) throw invalid('totpSecret', 'is shorter than 80 bits');
    return new KotakNeoCredentials(input, secret, mobile);
  }

  get ucc(): string {
    return this.#ucc;
  }

  /** For the login request only. */
  reveal(): { readonly consumerKey: string; readonly mobileNumber: string; readonly totpSecret: Uint8Array; readonly mpin: string } {
    return { consumerKey: this.#consumerKey, mobileNumber: this.#mobileNumber, totpSecret: this.#totpSecret, mpin: this.#mpin };
  }

  toString(): string {
    return `KotakNeoCredentials(ucc=${mask(this.#ucc)}, secrets=[redacted])`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
