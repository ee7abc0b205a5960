import type { BrokerInstrument, IntentInstrument, InstrumentMasterRecord } from '@mcube/domain';
import type { BreezeContractFields } from '../parse/breeze-raw.types';
import type { BreezeContractRef, BreezeInstrumentResolver } from './breeze-instrument-resolver';
import type { BreezeFnoContract, BreezeSecurityMaster } from './security-master.types';

/** The resolver backed by one day's parsed security master. */
export class SecurityMasterResolver implements BreezeInstrumentResolver {
  private readonly byKey = new Map<string, BreezeFnoContract>();
  private readonly shortByUnderlying = new Map<string, string>();
  private readonly underlyingByShort = new Map<string, string>();
  private readonly shortByCashSymbol = new Map<string, string>();
  private readonly records: readonly InstrumentMasterRecord[];

  constructor(readonly master: BreezeSecurityMaster) {
    for (const c of master.contracts) {
      this.byKey.set(keyOf(c.underlying, c.expiry, c.strike, c.optionType), c);
      this.shortByUnderlying.set(c.underlying, c.shortName);
      this.underlyingByShort.set(c.shortName, c.underlying);
    }
    for (const s of master.cash) this.shortByCashSymbol.set(s.symbol, s.shortName);
    this.records = Object.freeze(master.contracts.map(recordOf));
  }

  toBreeze(instrument: IntentInstrument): BreezeContractRef | undefined {
    const c = this.byKey.get(keyOf(instrument.underlying, instrument.expiry, instrument.kind === 'OPT' ? instrument.strike : undefined, instrument.kind === 'OPT' ? instrument.optionType : undefined));
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
      const c = this.byKey.get(keyOf(underlying, fields.expiryDate, undefined, undefined));
      return { underlying, kind: 'FUT', expiry: fields.expiryDate, segment: 'NFO-FUT', tradingSymbol: c ? tradingSymbolOf(c) : undefined, instrumentToken: c?.token };
    }
    if (fields.productType !== 'options' || fields.right === undefined || fields.strikePrice === undefined) return undefined;
    const optionType = fields.right === 'call' ? 'CE' : 'PE';
    const c = this.byKey.get(keyOf(underlying, fields.expiryDate, fields.strikePrice, optionType));
    return { underlying, kind: 'OPT', expiry: fields.expiryDate, strike: fields.strikePrice, optionType, segment: 'NFO-OPT', tradingSymbol: c ? tradingSymbolOf(c) : undefined, instrumentToken: c?.token };
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
}

function keyOf(underlying: string, expiry: string, strike: number | undefined, optionType: string | undefined): string {
  return strike === undefined ? `${underlying}|${expiry}|FUT` : `${underlying}|${expiry}|${strike}|${optionType}`;
}

/** Breeze has no single trading symbol; this readable one names the contract in ICICI's terms. */
function tradingSymbolOf(c: BreezeFnoContract): string {
  return c.optionType ? `${c.shortName}:${c.expiry}:${c.strike}:${c.optionType}` : `${c.shortName}:${c.expiry}:FUT`;
}

function recordOf(c: BreezeFnoContract): InstrumentMasterRecord {
  const common = { underlying: c.underlying, expiry: c.expiry, tradingSymbol: tradingSymbolOf(c), instrumentToken: c.token, lotSize: c.lotSize, tickSize: c.tickSize, freezeQuantity: c.freezeQuantity };
  return c.optionType ? { ...common, kind: 'OPT', strike: c.strike, optionType: c.optionType, segment: 'NFO-OPT' } : { ...common, kind: 'FUT', segment: 'NFO-FUT' };
}
