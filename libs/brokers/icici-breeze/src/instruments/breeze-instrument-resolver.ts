import type { BrokerInstrument, IntentInstrument, InstrumentMasterRecord, IsoDate } from '@mcube/domain';
import type { BreezeContractFields } from '../parse/breeze-raw.types';

/** Breeze's identity of an NFO contract, as order, quote and chart requests spell it. */
export interface BreezeContractRef {
  readonly stockCode: string;
  readonly exchangeCode: 'NFO';
  readonly productType: 'futures' | 'options';
  readonly expiry: IsoDate;
  readonly right: 'call' | 'put' | 'others';
  /** 0 for futures. */
  readonly strikePrice: number;
  readonly token?: string;
}

/**
 * The one seam between our instruments and ICICI's names. Everything in this library that
 * needs an ICICI short name (RELIND, CNXBAN) or turns one back into an NSE symbol goes through
 * it, so the instrument-identity rework elsewhere replaces this interface's implementation and
 * nothing else. Implementations never guess: an unknown name is `undefined`.
 */
export interface BreezeInstrumentResolver {
  /** The Breeze contract of one of our instruments, or undefined when the master does not list it. */
  toBreeze(instrument: IntentInstrument): BreezeContractRef | undefined;
  /** Our instrument for a Breeze record, or undefined when its short name is unknown (or it is not NFO F&O). */
  fromBreeze(fields: BreezeContractFields): BrokerInstrument | undefined;
  /** ICICI stock code of an F&O underlying ('BANKNIFTY' → 'CNXBAN'), for chains and futures quotes. */
  underlyingStockCode(underlying: string): string | undefined;
  /** ICICI stock code of an NSE cash symbol or index name ('RELIANCE' → 'RELIND', 'NIFTY BANK' → 'CNXBAN'). */
  cashStockCode(symbol: string): string | undefined;
  /** Every listed F&O contract, as domain master records. */
  contracts(): readonly InstrumentMasterRecord[];
}
