import { parseFoMaster } from '../instruments/parse-fo-master';
import { buildNseFoCsv, indexMasterSpecs, kotakTradingSymbol, masterFilesFor, strikeRange } from './fo-master.builder';
import { kotakNeoTestKit, kotakOrderRequest } from './kotak-neo-test-kit';
import { neoFixtureText } from './neo-fixtures';

describe('building scrip masters for other days (simulated months)', () => {
  const spec = indexMasterSpecs({
    futures: ['2026-08-25', '2026-09-29', '2026-10-27'],
    expiries: [
      { expiry: '2026-08-11', monthly: false, strikes: strikeRange(24000, 25000, 50) },
      { expiry: '2026-08-18', monthly: false, strikes: strikeRange(24000, 25000, 50) },
      { expiry: '2026-08-25', monthly: true, strikes: strikeRange(23500, 25500, 50) },
      { expiry: '2026-09-01', monthly: false, strikes: strikeRange(24200, 24800, 50) },
      { expiry: '2026-09-29', monthly: true, strikes: strikeRange(23000, 26000, 100) },
      { expiry: '2026-12-29', monthly: true, strikes: strikeRange(22000, 27000, 1000) },
    ],
  });

  it('writes the same rows, in the same column layout, as the committed fixture', () => {
    const fixture = neoFixtureText('nse_fo.csv').split('\n');
    const built = buildNseFoCsv(spec).split('\n');
    expect(built[0]).toBe(fixture[0]);
    const niftyRows = fixture.filter((l) => l.split(',')[4] === 'NIFTY' && l.split(',')[3] !== 'UNDIND');
    expect(built.slice(1).filter((l) => l !== '')).toEqual(niftyRows);
  });

  it('names contracts as Kotak does', () => {
    expect(kotakTradingSymbol({ underlying: 'NIFTY', expiry: '2024-10-31', monthly: true })).toBe('NIFTY24OCTFUT');
    expect(kotakTradingSymbol({ underlying: 'NIFTY', expiry: '2024-10-03', monthly: false, strike: 25800, optionType: 'PE' })).toBe('NIFTY24O0325800PE');
    expect(kotakTradingSymbol({ underlying: 'NIFTY', expiry: '2025-01-23', monthly: false, strike: 23200, optionType: 'PE' })).toBe('NIFTY2512323200PE');
  });

  it('serves a master of another day and lot size that the client loads and trades on', async () => {
    const kit = await kotakNeoTestKit({ master: false, startMs: Date.parse('2025-01-20T03:50:00Z') });
    try {
      const contracts = indexMasterSpecs({ lotSize: 75, expiries: [{ expiry: '2025-01-23', monthly: false, strikes: [23200] }] });
      kit.server.setMaster(masterFilesFor('2025-01-20', contracts));
      const master = await kit.broker.refreshMaster('2025-01-20');
      expect(parseFoMaster(buildNseFoCsv(contracts)).contracts).toEqual(master.contracts);
      const instrument = { underlying: 'NIFTY', kind: 'OPT', expiry: '2025-01-23', strike: 23200, optionType: 'PE', segment: 'NFO-OPT' } as const;
      await kit.broker.executionClient.placeOrder(kotakOrderRequest({ instrument, quantity: 75, limitPrice: 100 }));
      expect(kit.server.orders()[0].contract.tradingSymbol).toBe('NIFTY2512323200PE');
    } finally {
      await kit.close();
    }
  });
});
