import { listedInstrumentMaster } from '@mcube/domain';
import { KotakNeoError } from '../errors/kotak-neo.error';
import { masterWithCell } from '../testing/fake-neo-master';
import { neoFixtureText } from '../testing/neo-fixtures';
import { parseCsv } from './csv-table';
import { createMasterLookup, instrumentOfMcubeSymbol, masterRecordOf } from './kotak-instrument.lookup';
import { expiryDateOfNseSeconds, nseSecondsOfExpiry } from './nse-epoch';
import { parseCashMaster } from './parse-cash-master';
import { parseFoMaster } from './parse-fo-master';

const FO = neoFixtureText('nse_fo.csv');
const CM = neoFixtureText('nse_cm.csv');

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof KotakNeoError && e.reason === 'MASTER_INVALID') return e.message;
    throw e;
  }
  throw new Error('parsed without complaint');
}

describe('Kotak scrip master (nse_fo.csv)', () => {
  const { contracts, skippedRows } = parseFoMaster(FO);

  it('lists every option and future and leaves other rows out', () => {
    expect(contracts).toHaveLength(271);
    expect(skippedRows).toBe(1);
    expect(contracts.filter((c) => c.underlying === 'NIFTY' && c.kind === 'FUT').map((c) => c.expiry)).toEqual(['2026-08-25', '2026-09-29', '2026-10-27']);
  });

  it('reads an option: strike in paise ÷ 100, expiry from the NSE epoch (+315,513,000 s) as an IST date, lot, tick in paise, freeze', () => {
    const call = contracts.find((c) => c.tradingSymbol === 'NIFTY26AUG24500CE');
    expect(call).toEqual({
      exchangeSegment: 'nse_fo',
      token: '35128',
      tradingSymbol: 'NIFTY26AUG24500CE',
      underlying: 'NIFTY',
      instrumentType: 'OPTIDX',
      kind: 'OPT',
      optionType: 'CE',
      expiry: '2026-08-25',
      strike: 24500,
      lotSize: 65,
      tickSize: 0.05,
      freezeQuantity: 1800,
    });
  });

  it('reads an XX row as a future without strike or option type', () => {
    const fut = contracts.find((c) => c.tradingSymbol === 'NIFTY26AUGFUT');
    expect(fut).toMatchObject({ kind: 'FUT', instrumentType: 'FUTIDX', expiry: '2026-08-25', lotSize: 65 });
    expect(fut?.strike).toBeUndefined();
    expect(fut?.optionType).toBeUndefined();
  });

  it('converts the NSE epoch both ways (a Tuesday 14:30 IST expiry stays on its IST date)', () => {
    expect(nseSecondsOfExpiry('2026-08-25')).toBe(1472135400);
    expect(expiryDateOfNseSeconds(1472135400)).toBe('2026-08-25');
    expect(expiryDateOfNseSeconds(-1)).toBeUndefined();
    expect(expiryDateOfNseSeconds(10)).toBeUndefined();
  });

  it('accepts the strike column with or without its trailing semicolon', () => {
    const plain = FO.replace('dStrikePrice;', 'dStrikePrice');
    expect(parseFoMaster(plain).contracts).toEqual(contracts);
  });

  it.each([
    ['an option without CE/PE', 'NIFTY26AUG24500CE', 'pOptionType', 'XX', /line \d+: an option must have pOptionType CE or PE/],
    ['a strike that is not in paise', 'NIFTY26AUG24500CE', 'dStrikePrice', '24500.5', /dStrikePrice/],
    ['a zero lot size', 'NIFTY26AUG24500CE', 'lLotSize', '0', /lLotSize/],
    ['an expiry that is not a number', 'NIFTY26AUG24500CE', 'lExpiryDate', '25-Aug-2026', /lExpiryDate/],
    ['a token that is not a number', 'NIFTY26AUG24500CE', 'pSymbol', 'abc', /pSymbol/],
    ['a repeated token', 'NIFTY26AUG24500CE', 'pSymbol', '35001', /token 35001 appears twice/],
    ['a future with a CE', 'NIFTY26AUGFUT', 'pOptionType', 'CE', /future must have pOptionType XX/],
    ['a wrong segment', 'NIFTY26AUGFUT', 'pExchSeg', 'bse_fo', /pExchSeg/],
  ])('refuses the whole file for %s (never a half-loaded master)', (_label, symbol, column, value, message) => {
    expect(refusal(() => parseFoMaster(masterWithCell(FO, symbol, column, value)))).toMatch(message);
  });

  it('refuses a file without a required column, without any contract, or without NIFTY', () => {
    expect(refusal(() => parseFoMaster(FO.replace('lLotSize', 'lLotSz')))).toMatch(/missing column\(s\) lLotSize/);
    expect(refusal(() => parseFoMaster(FO.split('\n')[0] + '\n'))).toMatch(/no option or future rows/);
    expect(refusal(() => parseFoMaster('<html>maintenance</html>'))).toMatch(/missing column/);
    expect(refusal(() => parseFoMaster(''))).toMatch(/missing column/);
    const noNifty = [FO.split('\n')[0], ...FO.split('\n').filter((l) => l.includes(',BANKNIFTY,'))].join('\n');
    expect(refusal(() => parseFoMaster(noNifty))).toMatch(/no contract of NIFTY/);
    expect(parseFoMaster(noNifty, { requireUnderlyings: ['BANKNIFTY'] }).contracts).toHaveLength(2);
  });
});

describe('Kotak cash master (nse_cm-v1.csv)', () => {
  it('reads equities and indices despite the `dStrikePrice;` and `dTickSize ` headers', () => {
    const rows = parseCashMaster(CM);
    expect(rows.map((r) => [r.tradingSymbol, r.isIndex])).toEqual([
      ['RELIANCE-EQ', false],
      ['HDFCBANK-EQ', false],
      ['IDEA-EQ', false],
      ['Nifty 50', true],
      ['Nifty Bank', true],
      ['India VIX', true],
    ]);
    expect(rows[2]).toMatchObject({ token: '14366', tickSize: 0.01, lotSize: 1, group: 'EQ' });
    expect(CM.split('\n')[0]).toContain('dStrikePrice;');
    expect(CM.split('\n')[0]).toContain('dTickSize ,');
  });

  it('refuses a cash file missing the strike column or with a bad token', () => {
    expect(refusal(() => parseCashMaster(CM.replace('dStrikePrice;', 'dStrike')))).toMatch(/dStrikePrice/);
    expect(refusal(() => parseCashMaster(CM.replace('2885,EQ', 'x885,EQ')))).toMatch(/pSymbol/);
  });
});

describe('CSV reading', () => {
  it('handles quotes with commas and escaped quotes, CRLF and a BOM', () => {
    const t = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n1,2');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows.map((r) => r.fields)).toEqual([['x, y', 'say "hi"'], ['1', '2']]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated quote starting on line 2/);
    expect(() => parseCsv('a,b\n"x"y,z')).toThrow(/text after a closing quote on line 2/);
    expect(parseCsv('a\n"multi\nline",2\nnext').rows.map((r) => [r.line, r.fields])).toEqual([
      [2, ['multi\nline', '2']],
      [4, ['next']],
    ]);
  });
});

describe('instrument lookup (the one mapping seam)', () => {
  const lookup = createMasterLookup(parseFoMaster(FO).contracts);

  it('maps our instrument to Kotak’s symbol and token and back', () => {
    const c = lookup.contractFor({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-11', strike: 24500, optionType: 'PE' });
    expect(c?.tradingSymbol).toBe('NIFTY2681124500PE');
    expect(lookup.contractOf({ exchangeSegment: 'nse_fo', token: c!.token })).toBe(c);
    expect(lookup.contractOf({ exchangeSegment: 'nse_fo', token: '', tradingSymbol: 'NIFTY2681124500PE' })).toBe(c);
    expect(lookup.contractFor({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-11', strike: 24525, optionType: 'PE' })).toBeUndefined();
    expect(lookup.contractFor({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-09-29' })?.tradingSymbol).toBe('NIFTY26SEPFUT');
  });

  it('finds a contract by Kotak’s symbol or by mCube’s order and simulator symbols', () => {
    expect(lookup.contractBySymbol('NIFTY26AUG24500CE')?.token).toBe('35128');
    expect(lookup.contractBySymbol('NIFTY2026082524500CE')?.token).toBe('35128');
    expect(lookup.contractBySymbol('NIFTY-2026-08-25-24500-CE')?.token).toBe('35128');
    expect(lookup.contractBySymbol('NIFTY20260825FUT')?.tradingSymbol).toBe('NIFTY26AUGFUT');
    expect(lookup.contractBySymbol('RELIANCE')).toBeUndefined();
    expect(instrumentOfMcubeSymbol('NIFTY2026082524500XE')).toBeUndefined();
  });

  it('maps through the InstrumentMaster it is given, not through its own contracts', () => {
    const contracts = parseFoMaster(FO).contracts;
    const nifty24500Ce = contracts.find((c) => c.tradingSymbol === 'NIFTY26AUG24500CE')!;
    const onlyOne = createMasterLookup(contracts, listedInstrumentMaster([masterRecordOf(nifty24500Ce)]));
    expect(onlyOne.contractFor({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE' })).toBe(nifty24500Ce);
    expect(onlyOne.contractBySymbol('NIFTY-2026-08-25-24500-CE')).toBe(nifty24500Ce);
    expect(onlyOne.contractOf({ exchangeSegment: 'nse_fo', token: '35128' })).toBe(nifty24500Ce);
    // Listed in the parsed contracts but not by the master: unknown, as NOT_IN_MASTER callers expect.
    expect(onlyOne.contractFor({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-11', strike: 24500, optionType: 'PE' })).toBeUndefined();
    expect(onlyOne.contractBySymbol('NIFTY26AUGFUT')).toBeUndefined();
    expect(onlyOne.contractOf({ exchangeSegment: 'nse_fo', token: '', tradingSymbol: 'NIFTY2681124500PE' })).toBeUndefined();
    // A token is a Kotak name only for a token lookup, and the segment must match.
    expect(onlyOne.contractBySymbol('35128')).toBeUndefined();
    expect(onlyOne.contractOf({ exchangeSegment: 'nse_cm', token: '35128' })).toBeUndefined();
  });

  it('lists a whole expiry (the chain)', () => {
    const aug11 = lookup.contractsOf('NIFTY', '2026-08-11');
    expect(aug11).toHaveLength(42);
    expect(new Set(aug11.map((c) => c.strike)).size).toBe(21);
  });
});
