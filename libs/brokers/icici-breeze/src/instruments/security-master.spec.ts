import { listedInstrumentMaster } from '@mcube/domain';
import { buildSecurityMasterZip, buildZip, fixtureMasterTexts } from '../testing/master-zip.builder';
import { startBreezeRig } from '../testing/icici-breeze-test-kit';
import { MasterFormatError } from './master-csv';
import { parseSecurityMaster, parseSecurityMasterZip } from './parse-security-master';
import { SecurityMasterResolver } from './security-master.resolver';
import { readZipEntries, ZipFormatError } from './zip-reader';

const FONSE_ROW = (short: string, exchangeCode: string, inst = 'FUTSTK') =>
  `"99001","${inst}","${short}","FUTURE","25-Aug-2026","0","XX",0,0,0,0,0,"",0,0,0,0,"","","","",0,"","","",0,0,100,5,"SOME COMPANY","${exchangeCode}"`;

describe('the ICICI security master', () => {
  it('reads FONSEScripMaster.txt and NSEScripMaster.txt out of a deflated or stored zip', () => {
    for (const method of ['deflate', 'store'] as const) {
      const master = parseSecurityMasterZip(buildSecurityMasterZip(fixtureMasterTexts(), method));
      expect(master.contracts.length).toBeGreaterThan(100);
      expect(master.unknown).toEqual([]);
      expect(master.skipped).toBe(1); // the VIX future (FUTIVX)
      // The cash file is NSEScripMaster.txt itself, not FONSEScripMaster.txt (whose name ends the same way).
      expect(master.cash.find((c) => c.symbol === 'RELIANCE')?.shortName).toBe('RELIND');
    }
  });

  it('maps ICICI short names to NSE symbols: RELIND → RELIANCE, CNXBAN → BANKNIFTY, NIFTY stays NIFTY', () => {
    const { contracts } = parseSecurityMaster(fixtureMasterTexts());
    const fut = (short: string) => contracts.find((c) => c.shortName === short && c.instrumentName.startsWith('FUT') && c.expiry === '2026-08-25');
    expect(fut('RELIND')).toMatchObject({ underlying: 'RELIANCE', lotSize: 500, tickSize: 0.1, freezeQuantity: 10000 });
    expect(fut('CNXBAN')).toMatchObject({ underlying: 'BANKNIFTY', lotSize: 30 });
    expect(fut('NIFTY')).toMatchObject({ underlying: 'NIFTY', lotSize: 65, tickSize: 0.1, freezeQuantity: 1800 });
    expect(fut('TATSTE')).toMatchObject({ underlying: 'TATASTEEL', tickSize: 0.01 });
    const call = contracts.find((c) => c.shortName === 'NIFTY' && c.strike === 25000 && c.optionType === 'CE');
    expect(call).toMatchObject({ instrumentName: 'OPTIDX', expiry: '2026-08-25', tickSize: 0.05 });
  });

  it('reports an unknown short name and keeps it out of the contracts', () => {
    const texts = fixtureMasterTexts();
    const fonse = `${texts.fonse}${FONSE_ROW('MYSTRY', '')}\r\n${FONSE_ROW('NIFMOON', 'NIFTY MOON 50', 'FUTIDX')}\r\n`;
    const master = parseSecurityMasterZip(buildSecurityMasterZip({ fonse, nse: texts.nse }));
    expect(master.unknown.map((u) => [u.shortName, u.reason])).toEqual([
      ['MYSTRY', 'no NSE symbol (ExchangeCode is blank)'],
      ['NIFMOON', 'index "NIFTY MOON 50" is not in the index table'],
    ]);
    expect(master.unknown[0].line).toBe(fonse.split('\r\n').indexOf(FONSE_ROW('MYSTRY', '')) + 1);
    expect(master.contracts.some((c) => c.shortName === 'MYSTRY' || c.shortName === 'NIFMOON')).toBe(false);
    const resolver = new SecurityMasterResolver(master);
    expect(resolver.fromBreeze({ stockCode: 'MYSTRY', exchangeCode: 'NFO', productType: 'futures', expiryDate: '2026-08-25' })).toBeUndefined();
  });

  it('drops a short name claimed by two NSE symbols everywhere, and reports it', () => {
    const texts = fixtureMasterTexts();
    const master = parseSecurityMaster({ fonse: `${texts.fonse}${FONSE_ROW('RELIND', 'RELIANCEX')}\r\n`, nse: texts.nse });
    expect(master.contracts.some((c) => c.shortName === 'RELIND')).toBe(false);
    expect(master.unknown).toEqual([expect.objectContaining({ shortName: 'RELIND', reason: 'short name maps to more than one NSE symbol' })]);
  });

  it('reads the cash master: stocks and indices with their short names; other series are left out', () => {
    const { cash } = parseSecurityMaster(fixtureMasterTexts());
    expect(cash.find((c) => c.symbol === 'RELIANCE')).toMatchObject({ shortName: 'RELIND', isIndex: false, token: '2885' });
    expect(cash.find((c) => c.symbol === 'NIFTY BANK')).toMatchObject({ shortName: 'CNXBAN', isIndex: true });
    expect(cash.some((c) => c.shortName === 'BADBND')).toBe(false);
  });

  it('fails loudly on a master whose layout changed or whose rows are broken', () => {
    const texts = fixtureMasterTexts();
    expect(() => parseSecurityMaster({ fonse: texts.fonse.replace('"ExchangeCode"', '"NseCode"') })).toThrow(/missing column\(s\) ExchangeCode/);
    expect(() => parseSecurityMaster({ fonse: `${texts.fonse}${FONSE_ROW('RELIND', 'RELIANCE').replace('25-Aug-2026', '31-Feb-2026')}\r\n` })).toThrow(MasterFormatError);
    expect(() => parseSecurityMaster({ fonse: `${texts.fonse}"1","FUTSTK","X"\r\n` })).toThrow(/fields/);
  });

  it('refuses a damaged zip: truncated, CRC mismatch, missing the F&O file', () => {
    const zip = buildSecurityMasterZip();
    expect(() => readZipEntries(zip.subarray(0, zip.length - 30))).toThrow(ZipFormatError);
    const stored = buildZip([{ name: 'FONSEScripMaster.txt', data: 'Token\r\n1\r\n', method: 'store' }]);
    const bad = Buffer.from(stored);
    bad[30 + 'FONSEScripMaster.txt'.length] ^= 0xff;
    expect(() => readZipEntries(bad)).toThrow(/CRC-32/);
    expect(() => parseSecurityMasterZip(buildZip([{ name: 'NSEScripMaster.txt', data: fixtureMasterTexts().nse }]))).toThrow(/has no FONSEScripMaster.txt/);
  });

  it('downloads the zip from the configured URL (the local server) and parses it', async () => {
    const rig = await startBreezeRig();
    try {
      const master = await rig.kit.downloadSecurityMaster();
      expect(master.contracts.length).toBe(parseSecurityMaster(fixtureMasterTexts()).contracts.length);
    } finally {
      await rig.close();
    }
  });
});

describe('SecurityMasterResolver (the instrument seam)', () => {
  const resolver = new SecurityMasterResolver(parseSecurityMaster(fixtureMasterTexts()));

  it('turns our instruments into Breeze contract fields, and only listed ones', () => {
    expect(resolver.toBreeze({ underlying: 'BANKNIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 55000, optionType: 'PE' })).toMatchObject({ stockCode: 'CNXBAN', exchangeCode: 'NFO', productType: 'options', right: 'put', strikePrice: 55000, expiry: '2026-08-25' });
    expect(resolver.toBreeze({ underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-09-29' })).toMatchObject({ stockCode: 'RELIND', productType: 'futures', right: 'others', strikePrice: 0 });
    expect(resolver.toBreeze({ underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 25010, optionType: 'CE' })).toBeUndefined();
    expect(resolver.toBreeze({ underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-27' })).toBeUndefined();
  });

  it('turns Breeze records back into our instruments; cash names to ICICI codes', () => {
    expect(resolver.fromBreeze({ stockCode: 'RELIND', exchangeCode: 'NFO', productType: 'options', expiryDate: '2026-08-25', right: 'call', strikePrice: 1400 })).toMatchObject({ underlying: 'RELIANCE', kind: 'OPT', strike: 1400, optionType: 'CE', segment: 'NFO-OPT', instrumentToken: expect.any(String) });
    expect(resolver.fromBreeze({ stockCode: 'RELIND', exchangeCode: 'NSE', productType: 'cash' })).toBeUndefined();
    expect(resolver.underlyingStockCode('banknifty')).toBe('CNXBAN');
    expect(resolver.cashStockCode('NIFTY BANK')).toBe('CNXBAN');
    expect(resolver.cashStockCode('INDIA VIX')).toBe('INDVIX');
    expect(resolver.cashStockCode('NOSUCH')).toBeUndefined();
    expect(resolver.contracts().find((c) => c.underlying === 'INFY')).toMatchObject({ kind: 'FUT', lotSize: 400, segment: 'NFO-FUT' });
  });

  it('maps through the InstrumentMaster it is given, not through its own contracts', () => {
    const master = parseSecurityMaster(fixtureMasterTexts());
    const relianceFut = resolver.contracts().find((c) => c.underlying === 'RELIANCE' && c.kind === 'FUT' && c.expiry === '2026-09-29')!;
    const onlyOne = new SecurityMasterResolver(master, listedInstrumentMaster([relianceFut]));
    expect(onlyOne.toBreeze({ underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-09-29' })).toMatchObject({ stockCode: 'RELIND', productType: 'futures', token: relianceFut.instrumentToken });
    expect(onlyOne.fromBreeze({ stockCode: 'RELIND', exchangeCode: 'NFO', productType: 'futures', expiryDate: '2026-09-29' })).toMatchObject({ tradingSymbol: 'RELIND:2026-09-29:FUT', instrumentToken: relianceFut.instrumentToken });
    // Listed in the parsed master but not by the given one: not mapped.
    expect(onlyOne.toBreeze({ underlying: 'BANKNIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 55000, optionType: 'PE' })).toBeUndefined();
    expect(onlyOne.fromBreeze({ stockCode: 'RELIND', exchangeCode: 'NFO', productType: 'options', expiryDate: '2026-08-25', right: 'call', strikePrice: 1400 })).toMatchObject({ underlying: 'RELIANCE', strike: 1400, tradingSymbol: undefined, instrumentToken: undefined });
  });
});
