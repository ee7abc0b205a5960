import { DomainError } from '../errors/domain-error';
import { assertIsoDate, type IsoDate } from '../time/ist-date';
import { entriesOf, entryOn } from './dated-lookup';
import type { ContractLotSize, LotSizeTable } from './instruments.types';
import { NSE_LOT_SIZES } from './lot-sizes.data';

/** Inputs of `lotSizeFor`. */
export interface LotSizeQuery {
  readonly underlying: string;
  /** The contract's expiry date. */
  readonly expiry: IsoDate;
  /** Per-contract sizes from the broker's instrument master; an exact match wins. */
  readonly overrides?: readonly ContractLotSize[];
  /** Dated table to use instead of `NSE_LOT_SIZES`. */
  readonly table?: LotSizeTable;
}

/**
 * Lot size (units per lot) of the `underlying` contract expiring on `expiry`: an exact
 * override if one is given, else the dated table. Always a positive whole number.
 * Throws INVALID_DATE (bad expiry), INVALID_ARGUMENT (unknown underlying, bad override) and
 * UNKNOWN_DATE (expiry before the table starts).
 */
export function lotSizeFor(query: LotSizeQuery): number {
  if (!query || typeof query !== 'object') throw new DomainError('INVALID_ARGUMENT', 'lotSizeFor needs { underlying, expiry }');
  const expiry = assertIsoDate(query.expiry);
  const override = query.overrides?.find((o) => o.underlying === query.underlying && o.expiry === expiry);
  const lotSize = override
    ? override.lotSize
    : entryOn('lot size', entriesOf('lot size', query.table ?? NSE_LOT_SIZES, query.underlying), (e) => e.fromExpiry, expiry).lotSize;
  if (!Number.isSafeInteger(lotSize) || lotSize < 1) {
    throw new DomainError('INVALID_ARGUMENT', `lot size of ${query.underlying} ${expiry} must be a whole number ≥ 1, got ${lotSize}`);
  }
  return lotSize;
}
