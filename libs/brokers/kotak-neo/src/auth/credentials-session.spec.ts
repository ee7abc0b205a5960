import { inspect } from 'node:util';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { KotakNeoCredentials } from './kotak-neo-credentials';
import { KotakNeoSession } from './kotak-neo-session';

const INPUT = { consumerKey: 'ck-secret-123', mobileNumber: '9876543210', ucc: 'ZX1234', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', mpin: '246810' };
const SECRETS = ['ck-secret-123', '246810', 'JBSWY3DPEHPK3PXP', 'tok-SECRET', 'sid-SECRET'];

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof KotakNeoError ? `${e.kind}/${e.reason}: ${e.message}` : `not a KotakNeoError: ${String(e)}`;
  }
  return undefined;
}

function everyRendering(value: object): string {
  return [String(value), `${value}`, JSON.stringify(value), JSON.stringify({ nested: value }), inspect(value), inspect({ deep: { value } })].join('\n');
}

describe('Kotak credentials', () => {
  it('normalises a 10-digit mobile to +91 and keeps the secrets for the login only', () => {
    const c = KotakNeoCredentials.create(INPUT);
    expect(c.ucc).toBe('ZX1234');
    const s = c.reveal();
    expect(s.mobileNumber).toBe('+919876543210');
    expect(s.consumerKey).toBe('ck-secret-123');
    expect(s.mpin).toBe('246810');
    expect(Buffer.from(s.totpSecret).length).toBe(20);
  });

  it('never prints a secret (toString, template, JSON, util.inspect)', () => {
    const text = everyRendering(KotakNeoCredentials.create(INPUT));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it.each([
    ['an empty consumer key', { consumerKey: ' ' }, 'consumerKey'],
    ['a UCC with symbols', { ucc: 'ZX-12' }, 'ucc'],
    ['a 3-digit MPIN', { mpin: '123' }, 'mpin'],
    ['a foreign mobile', { mobileNumber: '+14155550100' }, 'mobileNumber'],
    ['a TOTP key that is not base32', { totpSecret: 'not base32!' }, 'totpSecret'],
    ['a TOTP key shorter than 80 bits', { totpSecret: 'JBSWY3DP' }, 'totpSecret'],
  ])('refuses %s, naming the field but not its value', (_label, over, field) => {
    const why = reasonOf(() => KotakNeoCredentials.create({ ...INPUT, ...over }));
    expect(why).toMatch(/^REJECTED\/INVALID_REQUEST/);
    expect(why).toContain(field);
    expect(why).not.toContain('246810');
  });
});

describe('Kotak session', () => {
  const fields = { ucc: 'ZX1234', token: 'tok-SECRET', sid: 'sid-SECRET', baseUrl: 'https://e43.kotaksecurities.com', hsServerId: 'server1', dataCenter: 'E43', loggedInAtMs: Date.parse('2026-08-10T03:00:00Z') };

  it('round-trips through serialize/deserialize with its secrets (for encrypted storage)', () => {
    const s = KotakNeoSession.fromLogin(fields);
    const back = KotakNeoSession.deserialize(JSON.parse(JSON.stringify(s.serialize())), 'https://mis.kotaksecurities.com');
    expect(back.authHeaders()).toEqual({ Auth: 'tok-SECRET', Sid: 'sid-SECRET' });
    expect(back.serialize()).toEqual(s.serialize());
    expect(back.istDate).toBe('2026-08-10');
  });

  it('redacts the token and sid everywhere but serialize()', () => {
    const text = everyRendering(KotakNeoSession.fromLogin(fields));
    expect(text).not.toContain('tok-SECRET');
    expect(text).not.toContain('sid-SECRET');
    expect(text).toContain('https://e43.kotaksecurities.com');
  });

  it('belongs to the IST day of its login (08:29 IST is the same day, 23:59 UTC the next IST day)', () => {
    expect(KotakNeoSession.fromLogin({ ...fields, loggedInAtMs: Date.parse('2026-08-10T02:59:00Z') }).istDate).toBe('2026-08-10');
    expect(KotakNeoSession.fromLogin({ ...fields, loggedInAtMs: Date.parse('2026-08-09T23:59:00Z') }).istDate).toBe('2026-08-10');
  });

  it.each([
    ['a plain-http baseUrl', { baseUrl: 'http://e43.kotaksecurities.com' }, /not https/],
    ['no token', { token: '' }, /no token/],
    ['an unknown version', { version: 2 }, /version/],
    ['no login time', { loggedInAtMs: 'yesterday' }, /login time/],
  ])('refuses a stored session with %s', (_label, over, message) => {
    const stored = { ...KotakNeoSession.fromLogin(fields).serialize(), ...over };
    expect(reasonOf(() => KotakNeoSession.deserialize(stored, 'https://mis.kotaksecurities.com'))).toMatch(message);
  });

  it('accepts a plain-http loopback baseUrl only when the login URL is itself a loopback test server', () => {
    const stored = { ...KotakNeoSession.fromLogin(fields).serialize(), baseUrl: 'http://127.0.0.1:4010' };
    expect(KotakNeoSession.deserialize(stored, 'http://127.0.0.1:4000').baseUrl).toBe('http://127.0.0.1:4010');
    expect(reasonOf(() => KotakNeoSession.deserialize(stored, 'https://mis.kotaksecurities.com'))).toMatch(/not https/);
  });
});
