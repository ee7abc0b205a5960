import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CredentialKey } from '../../../config/app-config';
import { AppException } from '../../../common/errors/app-exception';

/** A sealed value as stored: every part base64 except the key id. */
export interface SealedValue {
  keyId: string;
  iv: string;
  ciphertext: string;
  authTag: string;
}

const MISSING_KEY =
  'MCUBE_CREDENTIALS_KEY is not set, so broker credentials cannot be stored or read. Generate one with `openssl rand -base64 32`, set it in the environment and restart.';

/**
 * AES-256-GCM for broker credentials. Seals with the current key only; opens with the current
 * or the previous key (rotation). `aad` binds a value to where it is stored.
 */
export class CredentialCipher {
  constructor(private readonly keys: { current?: CredentialKey; previous?: CredentialKey }) {}

  /** Id of the key new values are sealed with, if any. */
  get currentKeyId(): string | undefined {
    return this.keys.current?.id;
  }

  /** Whether a value sealed with `keyId` can be opened. */
  canOpen(keyId: string): boolean {
    return this.keyFor(keyId) !== undefined;
  }

  /** Encrypts with a fresh random 96-bit IV. Throws CREDENTIALS_KEY_MISSING without a key. */
  seal(plain: string, aad: string): SealedValue {
    const key = this.keys.current;
    if (!key) throw new AppException('CREDENTIALS_KEY_MISSING', MISSING_KEY);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { keyId: key.id, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), authTag: cipher.getAuthTag().toString('base64') };
  }

  /**
   * Decrypts and authenticates. Throws CREDENTIALS_KEY_MISSING when no configured key has the
   * value's key id, and a plain Error (a 500, logged) when the data or tag was tampered with.
   */
  open(sealed: SealedValue, aad: string): string {
    const key = this.keyFor(sealed.keyId);
    if (!key) throw new AppException('CREDENTIALS_KEY_MISSING', `No configured credentials key has id ${sealed.keyId}; set MCUBE_CREDENTIALS_KEY_PREVIOUS to the old key to finish a rotation.`);
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }

  private keyFor(keyId: string): CredentialKey | undefined {
    return [this.keys.current, this.keys.previous].find((k) => k?.id === keyId);
  }
}

/** Additional authenticated data for one stored credential value. */
export function credentialAad(accountId: number, field: string): string {
  return `mcube:broker-credential:${accountId}:${field}`;
}
