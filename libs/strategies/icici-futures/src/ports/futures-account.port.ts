import type { FuturesDirection, IsoDate, Paise } from '@mcube/domain';

/** The stop, target and averaging state the strategy keeps on a position (stored by the positions module). */
export interface FuturesRiskLevels {
  readonly stopLoss: number;
  readonly target: number;
  /** Averaging fills made so far. */
  readonly averagingAttempts: number;
  /** Units of the first entry fill (averaging adds this again, reduced to its cap). */
  readonly originalQuantity: number;
}

/** The account's open futures position as the positions module holds it (built from fills). */
export interface FuturesPositionState {
  readonly positionId: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly direction: FuturesDirection;
  /** Units open now (positive whatever the direction). */
  readonly quantity: number;
  readonly lotSize: number;
  /** Average price of the open quantity, rupees. */
  readonly averagePrice: number;
  /** Null until the strategy has set them after the entry fill (or after a restart lost them). */
  readonly riskLevels: FuturesRiskLevels | null;
  readonly openedAtMs: number;
}

/** Margin and exposure of the account now. */
export interface FuturesAccountMargin {
  readonly availablePaise: Paise;
  readonly inUsePaise: Paise;
  /** Notional of everything open on the account. */
  readonly openExposurePaise: Paise;
}

/**
 * The account's futures position and margin (the positions module). Guarantees:
 * `activePosition` returns the one open futures position of the account or null;
 * `setRiskLevels` stores the levels on that position so they survive a restart (resolves
 * once stored). Failures reject.
 */
export interface FuturesAccountPort {
  activePosition(accountId: string): Promise<FuturesPositionState | null>;
  margin(accountId: string): Promise<FuturesAccountMargin>;
  setRiskLevels(positionId: string, levels: FuturesRiskLevels): Promise<void>;
}
