import { listedInstrumentMaster, type BrokerInstrument, type InstrumentMaster, type InstrumentMasterRecord, type IntentInstrument, type IsoDate } from '@mcube/domain';
import type { KotakContract } from './kotak-contract';

/**
 * The one seam between mCube's instrument identity and Kotak's (symbol, token). The
 * execution client and the market-data adapter map through it and nowhere else, so when
 * the instrument identity changes only an implementation of this interface changes.
 */
export interface KotakInstrumentLookup {
  /** Kotak's contract for our instrument (underlying, kind, expiry, strike, CE/PE), or undefined. */
  contractFor(instrument: IntentInstrument): KotakContract | undefined;
  /** The contract a Kotak record refers to: by segment + token when given, else by trading symbol. */
  contractOf(ref: { readonly exchangeSegment: string; readonly token?: string; readonly tradingSymbol?: string }): KotakContract | undefined;
  /** A contract by a symbol: Kotak's trading symbol, or mCube's instrument key (`NIFTY-2026-08-25-24500-CE`, `NIFTY-2026-08-25-FUT`), or mCube's symbol from before issue 13 (`NIFTY2026082524500CE`, `NIFTY20260825FUT`). */
  contractBySymbol(symbol: string): KotakContract | undefined;
  /** Every contract of an underlying expiring on `expiry` (futures and options). */
  contractsOf(underlying: string, expiry: IsoDate): readonly KotakContract[];
}

/** Our view of a Kotak contract (what the port's reports carry). */
export function brokerInstrumentOf(c: KotakContract): BrokerInstrument {
  return {
    underlying: c.underlying,
    kind: c.kind,
    expiry: c.expiry,
    ...(c.strike !== undefined ? { strike: c.strike } : {}),
    ...(c.optionType ? { optionType: c.optionType } : {}),
    segment: c.kind === 'OPT' ? 'NFO-OPT' : 'NFO-FUT',
    tradingSymbol: c.tradingSymbol,
    instrumentToken: c.token,
  };
}

/** The domain's master record of a Kotak contract (lot, tick, freeze). */
export function masterRecordOf(c: KotakContract): InstrumentMasterRecord {
  return { ...brokerInstrumentOf(c), lotSize: c.lotSize, tickSize: c.tickSize, ...(c.freezeQuantity !== undefined ? { freezeQuantity: c.freezeQuantity } : {}) };
}

const COMPACT = /^([A-Z&]+)(\d{4})(\d{2})(\d{2})(?:(\d+(?:\.\d+)?)(CE|PE)|FUT)$/;
const DASHED = /^([A-Z&]+)-(\d{4})-(\d{2})-(\d{2})-(?:(\d+(?:\.\d+)?)-(CE|PE)|FUT)$/;

/** Our instrument written as one of mCube's symbols, or undefined when it is not one. */
export function instrumentOfMcubeSymbol(symbol: string): IntentInstrument | undefined {
  const m = COMPACT.exec(symbol) ?? DASHED.exec(symbol);
  if (!m) return undefined;
  const expiry = `${m[2]}-${m[3]}-${m[4]}`;
  return m[6] ? { underlying: m[1], kind: 'OPT', expiry, strike: Number(m[5]), optionType: m[6] as 'CE' | 'PE' } : { underlying: m[1], kind: 'FUT', expiry };
}

/**
 * A lookup over the contracts of one parsed master (built once, O(1) per call). mCube's
 * instrument and Kotak's names (trading symbol, token) are mapped through `master`, the
 * domain's `InstrumentMaster` port (by default the listing of these contracts); the contracts
 * themselves only add what is Kotak's own (segment, instrument type), found by token.
 */
export function createMasterLookup(contracts: readonly KotakContract[], master: InstrumentMaster = listedInstrumentMaster(contracts.map(masterRecordOf))): KotakInstrumentLookup {
  const byToken = new Map<string, KotakContract>();
  const byExpiry = new Map<string, KotakContract[]>();
  for (const c of contracts) {
    byToken.set(c.token, c);
    const k = `${c.underlying}|${c.expiry}`;
    const group = byExpiry.get(k);
    if (group) group.push(c);
    else byExpiry.set(k, [c]);
  }
  const contractOfListing = (listing: InstrumentMasterRecord | undefined): KotakContract | undefined => (listing?.instrumentToken ? byToken.get(listing.instrumentToken) : undefined);
  /** The listing a Kotak name (token or trading symbol) is exactly the name of; the port also accepts canonical keys, which are not Kotak's. */
  const listingNamed = (name: string, field: 'instrumentToken' | 'tradingSymbol'): InstrumentMasterRecord | undefined => {
    const id = master.instrumentOf(name);
    const listing = id ? master.listingOf(id) : undefined;
    return listing?.[field] === name ? listing : undefined;
  };
  const lookup: KotakInstrumentLookup = {
    contractFor: (instrument) => contractOfListing(master.listingOf(instrument)),
    contractOf(ref) {
      const byTok = ref.token ? contractOfListing(listingNamed(ref.token, 'instrumentToken')) : undefined;
      if (byTok && byTok.exchangeSegment === ref.exchangeSegment) return byTok;
      return ref.tradingSymbol ? contractOfListing(listingNamed(ref.tradingSymbol, 'tradingSymbol')) : undefined;
    },
    contractBySymbol(symbol) {
      const direct = contractOfListing(listingNamed(symbol, 'tradingSymbol'));
      if (direct) return direct;
      const ours = instrumentOfMcubeSymbol(symbol);
      return ours ? lookup.contractFor(ours) : undefined;
    },
    contractsOf: (underlying, expiry) => byExpiry.get(`${underlying}|${expiry}`) ?? [],
  };
  return lookup;
}
