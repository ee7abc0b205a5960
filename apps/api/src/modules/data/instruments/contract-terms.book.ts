import { freezeQuantityFor, lotSizeFor, type InstrumentMasterRecord, type IsoDate } from '@mcube/domain';

interface LearnedTerms {
  readonly lotSize: number;
  readonly freezeQuantity?: number;
}

/**
 * Lot size and freeze quantity of a contract, for the gateway, the risk context, fills and the
 * paper broker: the domain's dated NSE tables (NIFTY), else what the instrument master of the
 * market source said for that contract (stock futures: DECISIONS §2 makes the broker's master
 * the authority). Process-wide: filled by whoever reads the master (the ICICI futures source
 * each screen) before any order on such a contract can exist. An unknown contract throws the
 * domain's INVALID_ARGUMENT, as before. A stock future the master gives no freeze quantity
 * for is not sliced.
 */
export class ContractTermsBook {
  private readonly learned = new Map<string, LearnedTerms>();

  learn(records: readonly InstrumentMasterRecord[]): void {
    for (const r of records) if (r.kind === 'FUT' && Number.isSafeInteger(r.lotSize) && r.lotSize > 0) this.learned.set(`${r.underlying}|${r.expiry}`, { lotSize: r.lotSize, freezeQuantity: r.freezeQuantity });
  }

  lotSize(underlying: string, expiry: IsoDate): number {
    try {
      return lotSizeFor({ underlying, expiry });
    } catch (error) {
      const known = this.learned.get(`${underlying}|${expiry}`);
      if (known) return known.lotSize;
      throw error;
    }
  }

  freezeQuantity(underlying: string, date: IsoDate, expiry: IsoDate): number {
    try {
      return freezeQuantityFor({ underlying, date });
    } catch (error) {
      const known = this.learned.get(`${underlying}|${expiry}`);
      if (known) return known.freezeQuantity ?? Number.MAX_SAFE_INTEGER;
      throw error;
    }
  }
}

/** The process's book (see `ContractTermsBook`). */
export const CONTRACT_TERMS = new ContractTermsBook();
