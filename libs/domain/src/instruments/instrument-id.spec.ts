import { DomainError } from '../errors/domain-error';
import { contractSymbol, parseContractSymbol } from './contract-symbol';
import { instrumentIdOf, instrumentKey, parseInstrumentKey, quoteNameOf, sameInstrument, type InstrumentId } from './instrument-id';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

describe('instrumentKey / parseInstrumentKey', () => {
  it.each<[InstrumentId, string]>([
    [{ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE' }, 'NIFTY-2026-08-25-24500-CE'],
    [{ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'PE' }, 'NIFTY-2026-08-25-24500-PE'],
    [{ underlying: 'BANKNIFTY', kind: 'OPT', expiry: '2026-08-27', strike: 52150.5, optionType: 'PE' }, 'BANKNIFTY-2026-08-27-52150.5-PE'],
    [{ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' }, 'NIFTY-2026-08-25-FUT'],
    [{ underlying: 'BAJAJ-AUTO', kind: 'FUT', expiry: '2026-08-25' }, 'BAJAJ-AUTO-2026-08-25-FUT'],
    [{ underlying: 'M&M', kind: 'OPT', expiry: '2026-08-25', strike: 3200, optionType: 'CE' }, 'M&M-2026-08-25-3200-CE'],
  ])('%j ↔ %s', (id, key) => {
    expect(instrumentKey(id)).toBe(key);
    expect(parseInstrumentKey(key)).toEqual(id);
    // The simulator's symbol is the same text, so stored snapshots and sim masters read as keys.
    expect(contractSymbol(id)).toBe(key);
    expect(parseContractSymbol(key)).toEqual(id);
  });

  it.each<[string, unknown, string]>([
    ['an option without a strike', { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', optionType: 'CE' }, 'INVALID_ARGUMENT'],
    ['an option with strike 0', { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 0, optionType: 'CE' }, 'INVALID_ARGUMENT'],
    ['an option with a NaN strike', { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: Number.NaN, optionType: 'CE' }, 'INVALID_ARGUMENT'],
    ['an option without a right', { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500 }, 'INVALID_ARGUMENT'],
    ['a future with a strike', { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25', strike: 24500 }, 'INVALID_ARGUMENT'],
    ['a lower-case underlying', { underlying: 'nifty', kind: 'FUT', expiry: '2026-08-25' }, 'INVALID_ARGUMENT'],
    ['a blank underlying', { underlying: '', kind: 'FUT', expiry: '2026-08-25' }, 'INVALID_ARGUMENT'],
    ['an unknown kind', { underlying: 'NIFTY', kind: 'EQ', expiry: '2026-08-25' }, 'INVALID_ARGUMENT'],
    ['an impossible expiry', { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-02-30' }, 'INVALID_DATE'],
  ])('instrumentKey rejects %s', (_what, id, code) => {
    expect(codeOf(() => instrumentKey(id as InstrumentId))).toBe(code);
  });

  it.each<[string, string]>([
    ['NIFTY 50', 'INVALID_ARGUMENT'],
    ['INDIA VIX', 'INVALID_ARGUMENT'],
    ['NIFTY2026082524500CE', 'INVALID_ARGUMENT'],
    ['NIFTY-2026-08-25-24500', 'INVALID_ARGUMENT'],
    ['NIFTY-2026-08-25-24500-XE', 'INVALID_ARGUMENT'],
    ['nifty-2026-08-25-FUT', 'INVALID_ARGUMENT'],
    ['NIFTY-2026-08-25-0-CE', 'INVALID_ARGUMENT'],
    ['NIFTY-26-08-25-FUT', 'INVALID_ARGUMENT'],
    ['', 'INVALID_ARGUMENT'],
    ['NIFTY-2026-13-01-FUT', 'INVALID_DATE'],
  ])('parseInstrumentKey rejects %j', (key, code) => {
    expect(codeOf(() => parseInstrumentKey(key))).toBe(code);
  });

  it('names what a key should look like', () => {
    expect(() => parseInstrumentKey('NIFTY 50')).toThrow(/"NIFTY 50" is not an instrument key \(UNDERLYING-YYYY-MM-DD-FUT/);
  });

  it('sameInstrument compares by key', () => {
    const a: InstrumentId = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE' };
    expect(sameInstrument(a, { ...a })).toBe(true);
    expect(sameInstrument(a, { ...a, optionType: 'PE' })).toBe(false);
  });

  it('instrumentIdOf keeps the id and drops a symbol or token riding along', () => {
    const withSymbol = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE', tradingSymbol: 'NIFTY2026082524500CE', instrumentToken: '42' } as const;
    expect(instrumentIdOf(withSymbol)).toStrictEqual({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE' });
    expect(instrumentIdOf({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25', tradingSymbol: 'NIFTY26AUGFUT' } as InstrumentId)).toStrictEqual({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' });
  });
});

describe('quoteNameOf', () => {
  it('keeps a name and keys a contract', () => {
    expect(quoteNameOf('NIFTY 50')).toBe('NIFTY 50');
    expect(quoteNameOf({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' })).toBe('NIFTY-2026-08-25-FUT');
    expect(codeOf(() => quoteNameOf({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25' }))).toBe('INVALID_ARGUMENT');
  });
});
