import type { InstrumentMaster } from '@mcube/domain';
import type { KotakInstrumentMaster } from './kotak-contract';
import { createMasterLookup, type KotakInstrumentLookup } from './kotak-instrument.lookup';

const EMPTY = createMasterLookup([]);

/**
 * The master in use and its lookup, swapped whole when a refresh succeeds (so a failed or
 * malformed download leaves yesterday's in place). Before the first `set`, every lookup
 * misses: orders are refused NOT_IN_MASTER rather than guessed.
 */
export class KotakMasterHolder {
  private current?: { readonly master: KotakInstrumentMaster; readonly lookup: KotakInstrumentLookup };

  /**
   * Makes `master` the one in use. Its lookup maps mCube's instruments through `instruments`
   * when given (the API's stored master of the same contracts), else through their listing.
   */
  set(master: KotakInstrumentMaster, instruments?: InstrumentMaster): void {
    this.current = { master, lookup: createMasterLookup(master.contracts, instruments) };
  }

  /** The master in use, if any. */
  master(): KotakInstrumentMaster | undefined {
    return this.current?.master;
  }

  /** The lookup over the master in use (empty before the first load). */
  lookup(): KotakInstrumentLookup {
    return this.current?.lookup ?? EMPTY;
  }
}
