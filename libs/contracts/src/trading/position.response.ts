/** Greeks of one leg at its last mark (per unit; theta per calendar day, rupees). */
export interface LegGreeks {
  /** Implied volatility as a fraction. */
  iv: number | null;
  delta: number | null;
  gamma: number | null;
  theta: number | null;
  vega: number | null;
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
  greeks: LegGreeks | null;
}

/** GET /api/positions/:id: the position, its legs with greeks, and the net delta (units × delta). */
export interface PositionDetailResponse {
  id: number;
  accountId: number;
  strategyType: string;
  status: 'ACTIVE' | 'CLOSED';
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
