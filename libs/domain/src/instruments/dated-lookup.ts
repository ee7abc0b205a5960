import { DomainError } from '../errors/domain-error';
import { compareDates, type IsoDate } from '../time/ist-date';

/**
 * The entries of `underlying` in a dated table, or INVALID_ARGUMENT naming the known ones.
 * Used by the instrument lookups so every one fails the same way.
 */
export function entriesOf<T>(what: string, table: Readonly<Record<string, readonly T[]>>, underlying: string): readonly T[] {
  const entries = typeof underlying === 'string' ? table[underlying] : undefined;
  if (!entries || entries.length === 0) {
    throw new DomainError('INVALID_ARGUMENT', `no ${what} known for underlying ${String(underlying)}; known: ${Object.keys(table).join(', ')}`, {
      underlying,
    });
  }
  return entries;
}

/** The last entry whose date (`dateOf`) is on or before `date`; UNKNOWN_DATE if `date` precedes them all. */
export function entryOn<T>(what: string, entries: readonly T[], dateOf: (e: T) => IsoDate, date: IsoDate): T {
  let found: T | undefined;
  for (const e of entries) if (compareDates(dateOf(e), date) <= 0) found = e;
  if (found === undefined) {
    throw new DomainError('UNKNOWN_DATE', `no ${what} known for ${date} (table starts ${dateOf(entries[0])})`, { date });
  }
  return found;
}
