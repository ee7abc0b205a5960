import type { IsoDate } from '@mcube/domain';

/** Brokers whose instrument master can be stored. */
export type MasterBroker = 'KOTAK' | 'ICICI';

/** One F&O contract of a stored master, in rupees (the table keeps paise). */
export interface StoredContract {
  readonly exchangeSegment: string;
  readonly token: string;
  readonly tradingSymbol: string;
  readonly underlying: string;
  readonly instrumentType: string;
  readonly kind: 'OPT' | 'FUT';
  readonly optionType?: 'CE' | 'PE';
  readonly expiry: IsoDate;
  readonly strike?: number;
  readonly lotSize: number;
  readonly tickSize: number;
  readonly freezeQuantity?: number;
}

/** A stored master of one day. */
export interface StoredMaster {
  readonly broker: MasterBroker;
  readonly date: IsoDate;
  readonly contracts: readonly StoredContract[];
}
