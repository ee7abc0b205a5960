import type { InstrumentMasterRecord } from '../ports/market-data.port';
import { instrumentKey, type InstrumentId } from './instrument-id';
import { listedInstrumentMaster } from './listed-instrument-master';

const CALL: InstrumentId = { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24500, optionType: 'CE' };
const PUT: InstrumentId = { ...CALL, optionType: 'PE' };
const FUT: InstrumentId = { underlying: 'NIFTY', kind: 'FUT', expiry: '2026-08-25' };

// A broker's listing (its own symbols and tokens) …
const broker: InstrumentMasterRecord[] = [
  { ...CALL, segment: 'NFO-OPT', tradingSymbol: 'NIFTY26AUG24500CE', instrumentToken: '35128', lotSize: 65, tickSize: 0.05, freezeQuantity: 1800 },
  { ...PUT, segment: 'NFO-OPT', tradingSymbol: 'NIFTY26AUG24500PE', instrumentToken: '35129', lotSize: 65, tickSize: 0.05 },
  { ...FUT, segment: 'NFO-FUT', tradingSymbol: 'NIFTY26AUGFUT', instrumentToken: '35001', lotSize: 65, tickSize: 0.1 },
];
// … and the simulator's, which lists each contract under its canonical key.
const sim: InstrumentMasterRecord[] = [{ ...CALL, segment: 'NFO-OPT', tradingSymbol: instrumentKey(CALL), lotSize: 65, tickSize: 0.05 }];

describe('listedInstrumentMaster', () => {
  const master = listedInstrumentMaster(broker);

  it.each<[InstrumentId, string | undefined, string | undefined]>([
    [CALL, 'NIFTY26AUG24500CE', '35128'],
    [PUT, 'NIFTY26AUG24500PE', '35129'],
    [FUT, 'NIFTY26AUGFUT', '35001'],
    [{ ...CALL, strike: 24550 }, undefined, undefined],
    [{ ...FUT, expiry: '2026-09-29' }, undefined, undefined],
  ])('maps %j to the venue symbol %s (token %s)', (id, symbol, token) => {
    const listed = master.listingOf(id);
    expect(listed?.tradingSymbol).toBe(symbol);
    expect(listed?.instrumentToken).toBe(token);
  });

  it.each<[string, InstrumentId | undefined]>([
    ['NIFTY26AUG24500CE', CALL],
    ['35129', PUT],
    [' NIFTY26AUGFUT ', FUT],
    ['NIFTY-2026-08-25-24500-CE', CALL],
    ['NIFTY-2026-08-25-24550-CE', undefined],
    ['NIFTY 50', undefined],
    ['', undefined],
  ])('maps the venue name %j back to its id', (name, id) => {
    expect(master.instrumentOf(name)).toEqual(id);
  });

  it('carries the venue facts (lot, tick, freeze) and reads the simulator listing by key', () => {
    expect(master.listingOf(CALL)).toMatchObject({ lotSize: 65, tickSize: 0.05, freezeQuantity: 1800, segment: 'NFO-OPT' });
    const simMaster = listedInstrumentMaster(sim);
    expect(simMaster.listingOf(CALL)?.tradingSymbol).toBe('NIFTY-2026-08-25-24500-CE');
    expect(simMaster.instrumentOf('NIFTY-2026-08-25-24500-CE')).toEqual(CALL);
  });
});
