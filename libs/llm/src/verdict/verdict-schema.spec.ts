import { parseVerdict, VERDICT_JSON_SCHEMA, VERDICT_LIMITS } from './verdict-schema';

const ok = { verdict: 'APPROVE', confidence: 0.7, direction: 'SHORT', reasons: ['a'], risks: [], counterpoints: [] };

describe('parseVerdict', () => {
  it('accepts exactly the schema, whitespace around allowed', () => {
    expect(parseVerdict(`\n ${JSON.stringify(ok)} \n`)).toEqual({ ok: true, verdict: ok });
    expect(VERDICT_JSON_SCHEMA['required']).toEqual(Object.keys(ok));
  });

  it.each([
    ['nothing', null, 'MALFORMED_JSON'],
    ['a code fence', '```json\n' + JSON.stringify(ok) + '\n```', 'MALFORMED_JSON'],
    ['an array', '[1]', 'SCHEMA_VIOLATION'],
    ['a string confidence', JSON.stringify({ ...ok, confidence: '0.9' }), 'SCHEMA_VIOLATION'],
    ['a negative confidence', JSON.stringify({ ...ok, confidence: -0.1 }), 'SCHEMA_VIOLATION'],
    ['a lower-case direction', JSON.stringify({ ...ok, direction: 'long' }), 'SCHEMA_VIOLATION'],
    ['an empty reason', JSON.stringify({ ...ok, reasons: [' '] }), 'SCHEMA_VIOLATION'],
    ['too many risks', JSON.stringify({ ...ok, risks: Array.from({ length: VERDICT_LIMITS.maxItems + 1 }, () => 'r') }), 'SCHEMA_VIOLATION'],
    ['an over-long counterpoint', JSON.stringify({ ...ok, counterpoints: ['x'.repeat(VERDICT_LIMITS.maxItemLength + 1)] }), 'SCHEMA_VIOLATION'],
  ])('refuses %s', (_name, text, code) => {
    expect(parseVerdict(text as string)).toMatchObject({ ok: false, code });
  });
});
