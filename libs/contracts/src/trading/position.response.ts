/** Greeks of one leg at its last mark (per unit; theta per calendar day, rupees). */
export interface LegGreeks {
  /** Implied volatility as a fraction. */
  iv: number | null;
  delta: number | null;
  gamma: number | null;
  theta: number | null;
  vega: number | null;
}

/**
 * Where a leg's exit stands: FLAT (nothing open), WORKING (an exit order may still trade),
 * CHASING (an exit is requested, nothing is working: it is sent again at the touch), HELD (a
 * person canceled the leg's exit: not sent again until someone asks), NONE (no exit).
 */
export type LegExitStateCode = 'NONE' | 'WORKING' | 'CHASING' | 'HELD' | 'FLAT';

/** ACTIVE, EXITING (an exit was requested and the position is not flat yet: it still blocks a new entry) or CLOSED. */
export type PositionStateCode = 'ACTIVE' | 'EXITING' | 'CLOSED';

/** The exit requested for a position: who works it (PERSON or BREAKER: the exit chaser; STRATEGY: the strategy), its code, when. */
export interface PositionExitResponse {
  owner: 'PERSON' | 'BREAKER' | 'STRATEGY';
  reason: string | null;
  requestedAt: string;
}

/** One leg as GET /api/positions/:id returns it. Quantity is units, always positive; `side` says long or short. */
export interface PositionLegResponse {
  id: number;
  tradingSymbol: string;
  underlying: string;
  instrumentType: string;
  strike: number | null;
  /** CE / PE for options, null for futures. */
  optionType: 'CE' | 'PE' | null;
  expiryDate: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  lotSize: number;
  avgPricePaise: number;
  lastPricePaise: number | null;
  exitPricePaise: number | null;
  realizedPnlPaise: number;
  status: 'OPEN' | 'CLOSED';
  exitState: LegExitStateCode;
  greeks: LegGreeks | null;
}

/** GET /api/positions/:id: the position, its legs with greeks and exit states, and the net delta (units × delta). */
export interface PositionDetailResponse {
  id: number;
  accountId: number;
  strategyType: string;
  /** As stored: an EXITING position is still ACTIVE (see `state`). */
  status: 'ACTIVE' | 'CLOSED';
  state: PositionStateCode;
  exit: PositionExitResponse | null;
  /** Units filled per leg (the most any leg has held). */
  quantity: number;
  direction: string;
  underlying: string;
  expiryDate: string;
  unrealizedPnlPaise: number;
  realizedPnlPaise: number;
  exitReason: string | null;
  openedAt: string;
  closedAt: string | null;
  legs: PositionLegResponse[];
  netDelta: number | null;
  /** Spot of the underlying at the last mark. */
  spot: number | null;
}

/** GET /api/positions/:id/marks: the P&L history from the monitor log, oldest first. */
export interface PositionMarkResponse {
  atMs: number;
  unrealizedPnlPaise: number;
  realizedPnlPaise: number;
  spot: number | null;
  netDelta: number | null;
}
