import type { BrokerInstrument, InstrumentMasterRecord, IntentInstrument, IsoDate } from '@mcube/domain';
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
  /** A contract by a symbol: Kotak's trading symbol, or mCube's order symbol (`NIFTY2026082524500CE`, `NIFTY-2026-08-25-24500-CE`, `NIFTY20260825FUT`). */
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

const keyOf = (i: { underlying: string; kind: string; expiry: string; strike?: number; optionType?: string }): string =>
  `${i.underlying}|${i.kind}|${i.expiry}|${i.kind === 'OPT' ? String(Number(i.strike)) : ''}|${i.kind === 'OPT' ? (i.optionType ?? '') : ''}`;

const COMPACT = /^([A-Z&]+)(\d{4})(\d{2})(\d{2})(?:(\d+(?:\.\d+)?)(CE|PE)|FUT)$/;
const DASHED = /^([A-Z&]+)-(\d{4})-(\d{2})-(\d{2})-(?:(\d+(?:\.\d+)?)-(CE|PE)|FUT)$/;

/** Our instrument written as one of mCube's symbols, or undefined when it is not one. */
export function instrumentOfMcubeSymbol(symbol: string): IntentInstrument | undefined {
  const m = COMPACT.exec(symbol) ?? DASHED.exec(symbol);
  if (!m) return undefined;
  const expiry = `${m[2]}-${m[3]}-${m[4]}`;
  return m[6] ? { underlying: m[1], kind: 'OPT', expiry, strike: Number(m[5]), optionType: m[6] as 'CE' | 'PE' } : { underlying: m[1], kind: 'FUT', expiry };
}

/** A lookup over the contracts of one parsed master (built once, O(1) per call). */
export function createMasterLookup(contracts: readonly KotakContract[]): KotakInstrumentLookup {
  const byKey = new Map<string, KotakContract>();
  const byToken = new Map<string, KotakContract>();
  const bySymbol = new Map<string, KotakContract>();
  const byExpiry = new Map<string, KotakContract[]>();
  for (const c of contracts) {
    byKey.set(keyOf(c), c);
    byToken.set(`${c.exchangeSegment}|${c.token}`, c);
    bySymbol.set(c.tradingSymbol, c);
    const k = `${c.underlying}|${c.expiry}`;
    const group = byExpiry.get(k);
    if (group) group.push(c);
    else byExpiry.set(k, [c]);
  }
  const lookup: KotakInstrumentLookup = {
    contractFor: (instrument) => byKey.get(keyOf(instrument)),
    contractOf: (ref) => (ref.token ? byToken.get(`${ref.exchangeSegment}|${ref.token}`) : undefined) ?? (ref.tradingSymbol ? bySymbol.get(ref.tradingSymbol) : undefined),
    contractBySymbol(symbol) {
      const direct = bySymbol.get(symbol);
      if (direct) return direct;
      const ours = instrumentOfMcubeSymbol(symbol);
      return ours ? lookup.contractFor(ours) : undefined;
    },
    contractsOf: (underlying, expiry) => byExpiry.get(`${underlying}|${expiry}`) ?? [],
  };
  return lookup;
}
