import { DomainError } from '../errors/domain-error';
import { assertIsoDate, compareDates, IsoDate } from '../time/ist-date';
import { CHARGE_RATE_SETS, ChargeRateSet } from './charge-rates.data';

/**
 * The charge-rate set in force on `date`: the latest set whose `effectiveFrom` is on or
 * before it. `table` (oldest first) overrides the shipped {@link CHARGE_RATE_SETS}.
 *
 * @throws DomainError INVALID_DATE for a malformed date; UNKNOWN_DATE when the date is
 * before the first set.
 */
export function chargeRatesOn(date: IsoDate, table: readonly ChargeRateSet[] = CHARGE_RATE_SETS): ChargeRateSet {
  assertIsoDate(date);
  let found: ChargeRateSet | undefined;
  for (const set of table) {
    if (compareDates(set.effectiveFrom, date) <= 0 && (!found || compareDates(set.effectiveFrom, found.effectiveFrom) > 0)) found = set;
  }
  if (!found) {
    throw new DomainError('UNKNOWN_DATE', `no charge rates known for ${date} (the table starts ${table[0]?.effectiveFrom ?? 'nowhere'})`, { date });
  }
  return found;
}
