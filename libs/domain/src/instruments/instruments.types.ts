import type { IsoDate } from '../time/ist-date';

/** Lot size of the contracts of one underlying expiring on or after `fromExpiry` (until the next entry). */
export interface LotSizeEntry {
  readonly fromExpiry: IsoDate;
  readonly lotSize: number;
}

/** Dated lot sizes per underlying symbol, each list ascending by `fromExpiry`. */
export type LotSizeTable = Readonly<Record<string, readonly LotSizeEntry[]>>;

/** One contract's lot size as the broker's instrument master gives it; it overrides the dated table. */
export interface ContractLotSize {
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly lotSize: number;
}

/** Freeze quantity (largest units in one order) of one underlying from `effectiveFrom` (trade date). */
export interface FreezeQuantityEntry {
  readonly effectiveFrom: IsoDate;
  readonly freezeQuantity: number;
}

/** Dated freeze quantities per underlying symbol, each list ascending by `effectiveFrom`. */
export type FreezeQuantityTable = Readonly<Record<string, readonly FreezeQuantityEntry[]>>;

/** How `roundToTick` rounds: up, down, or to the nearest tick with ties going up. */
export type TickRounding = 'UP' | 'DOWN' | 'NEAREST';
