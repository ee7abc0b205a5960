import { listedInstrumentMaster, type BrokerInstrument, type InstrumentId, type InstrumentMaster, type InstrumentMasterRecord, type IntentInstrument } from '@mcube/domain';
import type { BreezeContractFields } from '../parse/breeze-raw.types';
import type { BreezeContractRef, BreezeInstrumentResolver } from './breeze-instrument-resolver';
import type { BreezeFnoContract, BreezeSecurityMaster } from './security-master.types';

/**
 * The resolver backed by one day's parsed security master. mCube's instrument and ICICI's
 * contract (its trading symbol, token) are mapped through `instruments`, the domain's
 * `InstrumentMaster` port (by default the listing of this master's contracts); the parsed
 * contracts only add what is ICICI's own (short name, instrument name), found by trading symbol.
 */
export class SecurityMasterResolver implements BreezeInstrumentResolver {
  private readonly bySymbol = new Map<string, BreezeFnoContract>();
  private readonly shortByUnderlying = new Map<string, string>();
  private readonly underlyingByShort = new Map<string, string>();
  private readonly shortByCashSymbol = new Map<string, string>();
  private readonly records: readonly InstrumentMasterRecord[];

  private readonly instruments: InstrumentMaster;

  constructor(
    readonly master: BreezeSecurityMaster,
    instruments?: InstrumentMaster,
  ) {
    for (const c of master.contracts) {
      this.bySymbol.set(tradingSymbolOf(c), c);
      this.shortByUnderlying.set(c.underlying, c.shortName);
      this.underlyingByShort.set(c.shortName, c.underlying);
    }
    for (const s of master.cash) this.shortByCashSymbol.set(s.symbol, s.shortName);
    this.records = Object.freeze(master.contracts.map(recordOf));
    this.instruments = instruments ?? listedInstrumentMaster(this.records);
  }

  toBreeze(instrument: IntentInstrument): BreezeContractRef | undefined {
    const c = this.contractOf(instrument);
    if (!c || (instrument.kind === 'FUT') !== c.instrumentName.startsWith('FUT')) return undefined;
    return {
      stockCode: c.shortName,
      exchangeCode: 'NFO',
      productType: c.optionType ? 'options' : 'futures',
      expiry: c.expiry,
      right: c.optionType === 'CE' ? 'call' : c.optionType === 'PE' ? 'put' : 'others',
      strikePrice: c.strike ?? 0,
      token: c.token,
    };
  }

  fromBreeze(fields: BreezeContractFields): BrokerInstrument | undefined {
    if (fields.exchangeCode !== 'NFO' || fields.expiryDate === undefined) return undefined;
    const underlying = this.underlyingByShort.get(fields.stockCode);
    if (underlying === undefined) return undefined;
    if (fields.productType === 'futures') {
      const listing = this.instruments.listingOf({ underlying, kind: 'FUT', expiry: fields.expiryDate });
      return { underlying, kind: 'FUT', expiry: fields.expiryDate, segment: 'NFO-FUT', tradingSymbol: listing?.tradingSymbol, instrumentToken: listing?.instrumentToken };
    }
    if (fields.productType !== 'options' || fields.right === undefined || fields.strikePrice === undefined) return undefined;
    const optionType = fields.right === 'call' ? 'CE' : 'PE';
    const listing = this.instruments.listingOf({ underlying, kind: 'OPT', expiry: fields.expiryDate, strike: fields.strikePrice, optionType });
    return { underlying, kind: 'OPT', expiry: fields.expiryDate, strike: fields.strikePrice, optionType, segment: 'NFO-OPT', tradingSymbol: listing?.tradingSymbol, instrumentToken: listing?.instrumentToken };
  }

  underlyingStockCode(underlying: string): string | undefined {
    return this.shortByUnderlying.get(underlying.trim().toUpperCase());
  }

  cashStockCode(symbol: string): string | undefined {
    return this.shortByCashSymbol.get(symbol.trim().toUpperCase());
  }

  contracts(): readonly InstrumentMasterRecord[] {
    return this.records;
  }

  /** ICICI's contract of `id`: the port gives its listing, the listing's trading symbol the parsed row. */
  private contractOf(id: InstrumentId): BreezeFnoContract | undefined {
    const symbol = this.instruments.listingOf(id)?.tradingSymbol;
    return symbol === undefined ? undefined : this.bySymbol.get(symbol);
  }
}

/** Breeze has no single trading symbol; this readable one names the contract in ICICI's terms. */
function tradingSymbolOf(c: BreezeFnoContract): string {
  return c.optionType ? `${c.shortName}:${c.expiry}:${c.strike}:${c.optionType}` : `${c.shortName}:${c.expiry}:FUT`;
}

function recordOf(c: BreezeFnoContract): InstrumentMasterRecord {
  const common = { underlying: c.underlying, expiry: c.expiry, tradingSymbol: tradingSymbolOf(c), instrumentToken: c.token, lotSize: c.lotSize, tickSize: c.tickSize, freezeQuantity: c.freezeQuantity };
  return c.optionType ? { ...common, kind: 'OPT', strike: c.strike, optionType: c.optionType, segment: 'NFO-OPT' } : { ...common, kind: 'FUT', segment: 'NFO-FUT' };
}
