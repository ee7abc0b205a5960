import type { IsoDate } from '@mcube/domain';

/** One NSE F&O contract as Kotak's scrip master lists it, in our units. */
export interface KotakContract {
  /** 'nse_fo'. */
  readonly exchangeSegment: string;
  /** `pSymbol`: the instrument token (quotes, margin check, modify). */
  readonly token: string;
  /** `pTrdSymbol`: what orders carry in `ts`. */
  readonly tradingSymbol: string;
  /** `pSymbolName`: 'NIFTY'. */
  readonly underlying: string;
  /** `pInstType`: OPTIDX, OPTSTK, FUTIDX, FUTSTK. */
  readonly instrumentType: 'OPTIDX' | 'OPTSTK' | 'FUTIDX' | 'FUTSTK';
  readonly kind: 'OPT' | 'FUT';
  readonly optionType?: 'CE' | 'PE';
  /** IST date of `lExpiryDate` (seconds since 1980-01-01 00:00 IST). */
  readonly expiry: IsoDate;
  /** Rupees (`dStrikePrice` is in paise); options only. */
  readonly strike?: number;
  readonly lotSize: number;
  /** Rupees (`dTickSize` is in paise). */
  readonly tickSize: number;
  /** `lFreezeQty` in units, when given. */
  readonly freezeQuantity?: number;
}

/** One row of the NSE cash master: equities and indices (an index has no ISIN). */
export interface KotakCashInstrument {
  readonly exchangeSegment: string;
  readonly token: string;
  readonly tradingSymbol: string;
  readonly name: string;
  readonly group?: string;
  readonly isIndex: boolean;
  readonly lotSize: number;
  readonly tickSize: number;
}

/** A parsed master of one day. */
export interface KotakInstrumentMaster {
  /** The date in the file URLs (the day the master is for). */
  readonly date: IsoDate;
  readonly contracts: readonly KotakContract[];
  readonly cash: readonly KotakCashInstrument[];
}
