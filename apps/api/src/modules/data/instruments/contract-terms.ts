import type { IsoDate } from '@mcube/domain';
import { CONTRACT_TERMS } from './contract-terms.book';
import type { InstrumentStore } from './instrument-store.service';

/**
 * Lot size of a contract for the gateway and the risk context: the stored broker master's when
 * it lists the contract, else the dated NSE tables, else the terms the market source's master
 * taught the process (stock futures). An unknown contract throws the domain's error.
 */
export function contractLotSize(store: InstrumentStore | undefined, underlying: string, expiry: IsoDate): number {
  if (store) {
    try {
      return store.lotSizeFor(underlying, expiry);
    } catch {
      // Neither the stored master nor the dated tables know it: the learned terms decide.
    }
  }
  return CONTRACT_TERMS.lotSize(underlying, expiry);
}

/** Freeze quantity, in the same order as `contractLotSize`. */
export function contractFreezeQuantity(store: InstrumentStore | undefined, underlying: string, date: IsoDate, expiry: IsoDate): number {
  if (store) {
    try {
      return store.freezeQuantityFor(underlying, date);
    } catch {
      // As above.
    }
  }
  return CONTRACT_TERMS.freezeQuantity(underlying, date, expiry);
}
