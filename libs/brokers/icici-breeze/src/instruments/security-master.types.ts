import type { IsoDate } from '@mcube/domain';

/** An NSE F&O contract from FONSEScripMaster.txt, with the ICICI short name already mapped. */
export interface BreezeFnoContract {
  /** ICICI's token (streaming and quotes). */
  readonly token: string;
  readonly instrumentName: 'FUTIDX' | 'FUTSTK' | 'OPTIDX' | 'OPTSTK';
  /** ICICI short name, the `stock_code` of every request (RELIND, CNXBAN, NIFTY). */
  readonly shortName: string;
  /** The NSE F&O symbol, our `underlying` (RELIANCE, BANKNIFTY, NIFTY). */
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly strike?: number;
  readonly optionType?: 'CE' | 'PE';
  readonly lotSize: number;
  /** Rupees. */
  readonly tickSize: number;
  readonly freezeQuantity?: number;
}

/** A cash-market stock or index from NSEScripMaster.txt. */
export interface BreezeCashSymbol {
  readonly token: string;
  readonly shortName: string;
  /** The NSE symbol ('RELIANCE') or index name ('NIFTY BANK'). */
  readonly symbol: string;
  readonly isIndex: boolean;
  readonly companyName: string;
}

/** A master row left out because its ICICI short name cannot be mapped to an NSE symbol. */
export interface UnknownShortName {
  readonly file: string;
  readonly line: number;
  readonly shortName: string;
  /** What the row said its NSE code was ('' when blank). */
  readonly exchangeCode: string;
  readonly reason: string;
}

/** The parsed security master of one day. Only mapped rows are in `contracts` and `cash`. */
export interface BreezeSecurityMaster {
  readonly contracts: readonly BreezeFnoContract[];
  readonly cash: readonly BreezeCashSymbol[];
  /** Rows whose short name could not be mapped: reported, never used. */
  readonly unknown: readonly UnknownShortName[];
  /** Rows of other instruments (currency, VIX futures…) skipped on purpose. */
  readonly skipped: number;
}
