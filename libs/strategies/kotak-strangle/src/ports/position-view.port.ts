import type { IsoDate, Paise } from '@mcube/domain';

/** One option leg of the open strangle. */
export interface StrategyLeg {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  /** Units, signed: NEGATIVE for a short leg; 0 once closed. */
  readonly quantity: number;
  /** Average price of the open quantity, rupees. */
  readonly averagePrice: number;
}

/** The account's active strangle as the positions module holds it (built from fills). */
export interface StrategyPosition {
  readonly positionId: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly legs: readonly StrategyLeg[];
  readonly openedAtMs: number;
}

/** Margin figures of the account now. */
export interface AccountMarginView {
  readonly availablePaise: Paise;
  readonly inUsePaise: Paise;
}

/**
 * Read-only view of the account's positions and margin. Guarantees: `activePosition` returns
 * the one open position (a leg with non-zero quantity) or null; `margin` returns the
 * broker's (or paper book's) figures. Failures reject.
 */
export interface PositionView {
  activePosition(accountId: string): Promise<StrategyPosition | null>;
  margin(accountId: string): Promise<AccountMarginView>;
}
