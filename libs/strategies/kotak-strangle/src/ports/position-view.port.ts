import type { IsoDate, Paise } from '@mcube/domain';

/** A closing order of a leg that may still trade (so a restarted strategy adopts it instead of sending another). */
export interface WorkingExit {
  /** The gateway's id of the order (what `StrategyOrderPort.orderStatus` takes). */
  readonly clientOrderId: string;
  /** Units of the order, and those already filled (included in the leg's quantity). */
  readonly quantity: number;
  readonly filledQuantity: number;
  /** Rupees. */
  readonly limitPrice: number;
  readonly submittedAtMs: number;
}

/** One option leg of the open strangle. */
export interface StrategyLeg {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  /** Units, signed: NEGATIVE for a short leg; 0 once closed. */
  readonly quantity: number;
  /** Average price of the open quantity, rupees. */
  readonly averagePrice: number;
  /** The leg's closing order still working, if any. */
  readonly workingExit?: WorkingExit;
  /** A person canceled the leg's last closing order: it is not sent again until someone asks. */
  readonly exitHeld?: boolean;
}

/** An exit of the whole position requested and stored (it survives a restart): by whom, and its code. */
export interface StrategyPositionExit {
  /** STRATEGY: the strategy works it; PERSON or BREAKER: the host's exit chaser does, the strategy keeps out. */
  readonly owner: 'STRATEGY' | 'PERSON' | 'BREAKER';
  readonly reasonCode: string | null;
}

/** The account's active strangle as the positions module holds it (built from fills). */
export interface StrategyPosition {
  readonly positionId: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly legs: readonly StrategyLeg[];
  readonly openedAtMs: number;
  /** Set while an exit is requested and the position is not flat yet. */
  readonly exit?: StrategyPositionExit;
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
