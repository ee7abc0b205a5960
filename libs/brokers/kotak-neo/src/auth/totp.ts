import { createHmac } from 'node:crypto';

/** Inputs of `totpCode`. */
export interface TotpInput {
  /** The shared secret (bytes; decode the base32 setup key with `decodeBase32`). */
  readonly secret: Uint8Array;
  /** Wall-clock instant, UTC epoch ms (TOTP is wall time by definition). */
  readonly atMs: number;
  /** Default 30 s (RFC 6238 and Kotak). */
  readonly stepSeconds?: number;
  /** Default 6 (Kotak); the RFC's test vectors use 8. */
  readonly digits?: number;
}

/** HOTP (RFC 4226) with HMAC-SHA1 and dynamic truncation. */
function hotp(secret: Uint8Array, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step containing `atMs`. */
export function totpCounter(atMs: number, stepSeconds = 30): number {
  if (!Number.isFinite(atMs) || atMs < 0) throw new RangeError('TOTP time must be a finite instant after 1970');
  return Math.floor(atMs / 1000 / stepSeconds);
}

/** The TOTP code (RFC 6238, HMAC-SHA1) at `atMs`. */
export function totpCode(input: TotpInput): string {
  const digits = input.digits ?? 6;
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new RangeError('TOTP digits must be 6..8');
  if (input.secret.length === 0) throw new RangeError('TOTP secret is empty');
  return hotp(input.secret, totpCounter(input.atMs, input.stepSeconds ?? 30), digits);
}

/** Milliseconds left in the TOTP step containing `atMs`. */
export function totpMsLeft(atMs: number, stepSeconds = 30): number {
  const stepMs = stepSeconds * 1000;
  return stepMs - (atMs % stepMs);
}
