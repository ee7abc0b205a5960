import type { KotakContract, KotakInstrumentMaster } from '@mcube/brokers-kotak-neo';
import type { StoredContract, StoredMaster } from '../../data/instruments/stored-contract';

/** Kotak's parsed contracts as stored rows (same fields; the cash file is not stored). */
export function storedContractsOf(master: KotakInstrumentMaster): StoredContract[] {
  return master.contracts.map((c) => ({ ...c }));
}

/** A stored master back as the adapter's master (restored at boot so orders map to tokens before the day's refresh). */
export function kotakMasterOf(stored: StoredMaster): KotakInstrumentMaster {
  const contracts: KotakContract[] = stored.contracts.map((c) => ({
    exchangeSegment: c.exchangeSegment,
    token: c.token,
    tradingSymbol: c.tradingSymbol,
    underlying: c.underlying,
    instrumentType: c.instrumentType as KotakContract['instrumentType'],
    kind: c.kind,
    ...(c.optionType ? { optionType: c.optionType } : {}),
    expiry: c.expiry,
    ...(c.strike !== undefined ? { strike: c.strike } : {}),
    lotSize: c.lotSize,
    tickSize: c.tickSize,
    ...(c.freezeQuantity !== undefined ? { freezeQuantity: c.freezeQuantity } : {}),
  }));
  return { date: stored.date, contracts, cash: [] };
}
