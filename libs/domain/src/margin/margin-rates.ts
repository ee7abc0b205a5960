import { entryOn } from '../instruments/dated-lookup';
import { assertIsoDate, type IsoDate } from '../time/ist-date';
import { MARGIN_RATE_SETS, type MarginRateSet } from './margin-rates.data';

/**
 * The margin rates in force on `date`: the latest set whose `effectiveFrom` is on or before
 * it. `table` (oldest first) overrides the shipped {@link MARGIN_RATE_SETS}.
 * @throws DomainError INVALID_DATE for a malformed date; UNKNOWN_DATE before the first set.
 */
export function marginRatesOn(date: IsoDate, table: readonly MarginRateSet[] = MARGIN_RATE_SETS): MarginRateSet {
  assertIsoDate(date);
  return entryOn('margin rates', table, (s) => s.effectiveFrom, date);
}
