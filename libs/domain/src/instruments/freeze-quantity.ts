import { DomainError } from '../errors/domain-error';
import { assertIsoDate, type IsoDate } from '../time/ist-date';
import { entriesOf, entryOn } from './dated-lookup';
import { NSE_FREEZE_QUANTITIES } from './instrument-facts.data';
import type { FreezeQuantityTable } from './instruments.types';

/** Inputs of `freezeQuantityFor`. */
export interface FreezeQuantityQuery {
  readonly underlying: string;
  /** The trade date. */
  readonly date: IsoDate;
  /** Freeze quantity from the broker's instrument master; wins over the table when given. */
  readonly override?: number;
  /** Dated table to use instead of `NSE_FREEZE_QUANTITIES`. */
  readonly table?: FreezeQuantityTable;
}

/**
 * The largest number of units one order of `underlying` may carry on `date` (NIFTY: 1,800).
 * Always a positive whole number. Throws INVALID_DATE, INVALID_ARGUMENT (unknown underlying,
 * bad override) and UNKNOWN_DATE (date before the table starts).
 */
export function freezeQuantityFor(query: FreezeQuantityQuery): number {
  if (!query || typeof query !== 'object') throw new DomainError('INVALID_ARGUMENT', 'freezeQuantityFor needs { underlying, date }');
  const date = assertIsoDate(query.date);
  const value =
    query.override ??
    entryOn('freeze quantity', entriesOf('freeze quantity', query.table ?? NSE_FREEZE_QUANTITIES, query.underlying), (e) => e.effectiveFrom, date)
      .freezeQuantity;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new DomainError('INVALID_ARGUMENT', `freeze quantity of ${query.underlying} must be a whole number ≥ 1, got ${value}`);
  }
  return value;
}
