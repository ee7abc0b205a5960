import { lotSizeFor, type IsoDate } from '@mcube/domain';

/** An index the simulator lists monthly futures of. */
export interface IndexFuturesSpec {
  /** Contract underlying ('NIFTY', 'BANKNIFTY'). */
  readonly underlying: string;
  /** The index level it follows: 'NIFTY 50', or a sector index of the simulator ('NIFTY BANK'). */
  readonly spotIndex: string;
  /** Futures OI (units, all listed months) the positioning reverts to. */
  readonly oiBase: number;
  /** Lot size of every contract; absent: the domain's dated NSE table by expiry. */
  readonly lotSize?: number;
}

/**
 * The simulator's index futures. NIFTY: about 1.2 crore units of futures OI (≈ 1.8 lakh lots
 * of 65), its lot size from the domain's table. BANKNIFTY (listed when the simulator has the
 * NIFTY BANK sector): about 24 lakh units (80,000 lots); the domain has no BANKNIFTY lot-size
 * table, so the simulator states the lot of the 2026 contracts (30) for every expiry, and no
 * freeze quantity.
 */
export const SIM_INDEX_FUTURES: readonly IndexFuturesSpec[] = Object.freeze([
  { underlying: 'NIFTY', spotIndex: 'NIFTY 50', oiBase: 12_000_000 },
  { underlying: 'BANKNIFTY', spotIndex: 'NIFTY BANK', oiBase: 2_400_000, lotSize: 30 },
]);

/** Lot size of an index future of the simulator. */
export function indexFuturesLotSize(spec: IndexFuturesSpec, expiry: IsoDate): number {
  return spec.lotSize ?? lotSizeFor({ underlying: spec.underlying, expiry });
}
