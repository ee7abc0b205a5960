import { decodeBase32, encodeBase32 } from './base32';
import { totpCode, totpCounter, totpMsLeft } from './totp';

// RFC 6238 appendix B, HMAC-SHA1 with the ASCII secret "12345678901234567890".
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: readonly [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238, HMAC-SHA1, 30 s)', () => {
  it.each(RFC_VECTORS)('gives the RFC test vector at T = %i s with 8 digits', (seconds, code) => {
    expect(totpCode({ secret: RFC_SECRET, atMs: seconds * 1000, digits: 8 })).toBe(code);
  });

  it.each(RFC_VECTORS)('gives the last six digits of the vector at T = %i s with Kotak’s 6 digits', (seconds, code) => {
    expect(totpCode({ secret: RFC_SECRET, atMs: seconds * 1000 })).toBe(code.slice(2));
  });

  it('reads the secret from its base32 setup key', () => {
    const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(secret.equals(RFC_SECRET)).toBe(true);
    expect(totpCode({ secret, atMs: 1111111109_000, digits: 8 })).toBe('07081804');
  });

  it('decodes base32 in any case, with spaces and padding, and encodes it back', () => {
    const bytes = decodeBase32('gezd gnbv gy3t qojq gezd gnbv gy3t qojq');
    expect(encodeBase32(bytes)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(decodeBase32('MZXW6===').toString('ascii')).toBe('foo');
  });

  it.each([['an empty key', ''], ['a character outside the alphabet', 'GEZD1NBV'], ['an impossible length', 'GEZDGNBVG']])('refuses %s without echoing it', (_label, key) => {
    expect(() => decodeBase32(key)).toThrow(TypeError);
    try {
      decodeBase32(key);
    } catch (e) {
      if (key) expect((e as Error).message).not.toContain(key);
    }
  });

  it('changes code at each 30 s step boundary and counts the time left in a step', () => {
    const at = 1_786_336_200_000; // a multiple of 30 s
    expect(totpCounter(at)).toBe(totpCounter(at + 29_999));
    expect(totpCounter(at + 30_000)).toBe(totpCounter(at) + 1);
    expect(totpCode({ secret: RFC_SECRET, atMs: at })).not.toBe(totpCode({ secret: RFC_SECRET, atMs: at + 30_000 }));
    expect(totpMsLeft(at)).toBe(30_000);
    expect(totpMsLeft(at + 29_000)).toBe(1_000);
  });

  it('refuses an empty secret, a bad digit count and a time before 1970', () => {
    expect(() => totpCode({ secret: Buffer.alloc(0), atMs: 0 })).toThrow(RangeError);
    expect(() => totpCode({ secret: RFC_SECRET, atMs: 0, digits: 5 })).toThrow(RangeError);
    expect(() => totpCode({ secret: RFC_SECRET, atMs: -1 })).toThrow(RangeError);
  });
});
