import { epochMsOfIst } from '@mcube/domain';
import { breezeChecksum, breezeSignedHeaders, breezeTimestamp } from './breeze-checksum';
import { breezeJson } from './breeze-json';

describe('Breeze request signing', () => {
  it('writes X-Timestamp as UTC ISO-8601 cut to seconds plus .000Z', () => {
    expect(breezeTimestamp(epochMsOfIst('2026-08-20', '10:00:00') + 789)).toBe('2026-08-20T04:30:00.000Z');
  });

  it('hashes timestamp + exact body + secret with SHA-256 (vector computed with sha256sum)', () => {
    const body = '{"stock_code":"NIFTY","exchange_code":"NFO"}';
    expect(breezeChecksum('2026-08-20T04:30:00.000Z', body, 'not-a-real-secret-41')).toBe('2f75eeb36143a60ea348604051539876b13f861db7d39bd16964fe94f621e0cf');
  });

  it('gives a different checksum when one byte of the body differs', () => {
    const a = breezeChecksum('2026-08-20T04:30:00.000Z', '{"quantity":"65"}', 's');
    expect(breezeChecksum('2026-08-20T04:30:00.000Z', '{"quantity":"66"}', 's')).not.toBe(a);
    expect(breezeChecksum('2026-08-20T04:30:00.000Z', '{"quantity": "65"}', 's')).not.toBe(a);
  });

  it('builds the five headers of a signed call; the secret itself never appears in them', () => {
    const headers = breezeSignedHeaders({ nowMs: epochMsOfIst('2026-08-20', '10:00:00'), body: '{}', credentials: { appKey: 'APP', secretKey: 'SECRET-XYZ' }, sessionToken: 'dG9rZW4=' });
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      'X-Checksum': `token ${breezeChecksum('2026-08-20T04:30:00.000Z', '{}', 'SECRET-XYZ')}`,
      'X-Timestamp': '2026-08-20T04:30:00.000Z',
      'X-AppKey': 'APP',
      'X-SessionToken': 'dG9rZW4=',
    });
    expect(JSON.stringify(headers)).not.toContain('SECRET-XYZ');
  });
});

describe('breezeJson (the bytes that are hashed and sent)', () => {
  it('matches Python json.dumps(separators=(",", ":")) including \\u escapes of non-ASCII', () => {
    // Expected text printed by Python 3 for the same dict.
    expect(breezeJson({ a: 'é ₹ é x', b: [1, 2.5, '\u0001'], c: null, d: '😀' })).toBe('{"a":"\\u00e9 \\u20b9 \\u00e9 x","b":[1,2.5,"\\u0001"],"c":null,"d":"\\ud83d\\ude00"}');
  });

  it('keeps insertion order and writes {} for a call without arguments', () => {
    expect(breezeJson({ stock_code: 'NIFTY', exchange_code: 'NFO' })).toBe('{"stock_code":"NIFTY","exchange_code":"NFO"}');
    expect(breezeJson({})).toBe('{}');
  });
});
