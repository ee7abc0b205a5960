import type { BreezeFnoContract, BreezeSecurityMaster } from '@mcube/brokers-icici-breeze';
import type { StoredContract, StoredMaster } from '../../../data/instruments/stored-contract';

/**
 * ICICI's F&O contracts as stored rows. The store's `tradingSymbol` keeps ICICI's identity of
 * the contract, `<short name>:<expiry>:<strike>:<CE|PE>` or `<short name>:<expiry>:FUT` (Breeze
 * has no trading symbol; orders name the short name, expiry, strike and right), so the short-name
 * mapping survives a restart; `underlying` is the NSE symbol (strategy code never sees ICICI names).
 */
export function storedIciciContractsOf(master: BreezeSecurityMaster): StoredContract[] {
  return master.contracts.map((c) => ({
    exchangeSegment: 'NFO',
    token: c.token,
    tradingSymbol: c.optionType ? `${c.shortName}:${c.expiry}:${c.strike}:${c.optionType}` : `${c.shortName}:${c.expiry}:FUT`,
    underlying: c.underlying,
    instrumentType: c.instrumentName,
    kind: c.optionType ? 'OPT' : 'FUT',
    ...(c.optionType ? { optionType: c.optionType } : {}),
    expiry: c.expiry,
    ...(c.strike !== undefined ? { strike: c.strike } : {}),
    lotSize: c.lotSize,
    tickSize: c.tickSize,
    ...(c.freezeQuantity !== undefined ? { freezeQuantity: c.freezeQuantity } : {}),
  }));
}

/**
 * A stored ICICI master back as a security master (restored at boot so orders resolve before the
 * day's refresh). The cash symbols are not stored: stock and index quotes need the day's refresh.
 */
export function iciciMasterOf(stored: StoredMaster): BreezeSecurityMaster {
  const contracts: BreezeFnoContract[] = stored.contracts.map((c) => ({
    token: c.token,
    instrumentName: c.instrumentType as BreezeFnoContract['instrumentName'],
    shortName: c.tradingSymbol.split(':')[0],
    underlying: c.underlying,
    expiry: c.expiry,
    ...(c.strike !== undefined ? { strike: c.strike } : {}),
    ...(c.optionType ? { optionType: c.optionType } : {}),
    lotSize: c.lotSize,
    tickSize: c.tickSize,
    ...(c.freezeQuantity !== undefined ? { freezeQuantity: c.freezeQuantity } : {}),
  }));
  return { contracts, cash: [], unknown: [], skipped: 0 };
}
