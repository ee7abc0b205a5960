import type { InstrumentMaster } from '../ports/instrument-master.port';
import type { InstrumentMasterRecord } from '../ports/market-data.port';
import { instrumentIdOf, instrumentKeyText, type InstrumentId } from './instrument-id';

/**
 * An `InstrumentMaster` over a listing of records: a broker's parsed master, or the market
 * source's `instruments(date)` (the simulator lists each contract under its canonical key, with
 * the dated lot-size and freeze tables). Built once, O(1) per call; a later record of the same
 * contract wins, as a re-read master would.
 */
export function listedInstrumentMaster(records: readonly InstrumentMasterRecord[]): InstrumentMaster {
  const byKey = new Map<string, InstrumentMasterRecord>();
  const byName = new Map<string, InstrumentId>();
  for (const r of records) {
    const id = instrumentIdOf(r);
    const key = instrumentKeyText(id);
    byKey.set(key, r);
    byName.set(key, id);
    if (r.tradingSymbol) byName.set(r.tradingSymbol, id);
    if (r.instrumentToken) byName.set(r.instrumentToken, id);
  }
  return {
    listingOf: (id) => byKey.get(instrumentKeyText(id)),
    instrumentOf: (name) => byName.get(name.trim()),
  };
}
