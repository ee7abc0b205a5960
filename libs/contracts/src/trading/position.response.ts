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
  /** mCube's instrument key, 'NIFTY-2026-08-25-24500-CE': what orders of this leg are stored under. */
  tradingSymbol: string;
  /** The contract as a trader says it ('NIFTY 08 Dec 26750 CE'). */
  name: string;
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
  /** Max profit/loss, probability of profit, premium captured, greeks in ₹, progress to target and stop, next exit rule. */
  metrics: PositionMetricsResponse;
}

/** GET /api/positions/:id/marks: the P&L history from the monitor log, oldest first. */
export interface PositionMarkResponse {
  atMs: number;
  unrealizedPnlPaise: number;
  realizedPnlPaise: number;
  spot: number | null;
  netDelta: number | null;
}

/** Spot's cushion to one short strike (positive while out of the money): points, percent of spot, σ of the move to expiry. */
export interface ShortStrikeDistanceResponse {
  optionType: 'CE' | 'PE';
  strike: number;
  points: number;
  pct: number;
  sigmas: number | null;
}

/** The position's greeks, signed for the side: Θ rupees per day, Vega rupees per vol point, Δ in underlying units. */
export interface NetGreeksResponse {
  thetaRupeesPerDay: number;
  vegaRupeesPerVolPoint: number;
  deltaUnits: number;
  gammaUnitsPerPoint: number;
}

/** The time-based exit rule that applies next: EOD check (exits at ≥ minProfitPct) or the expiry-day close. */
export interface NextExitRuleResponse {
  code: 'EOD_MIN_PROFIT' | 'EXPIRY_DAY_CLOSE';
  date: string;
  time: string;
  minProfitPct: number | null;
  wouldExitNow: boolean;
}

/** Risk figures of a position (the domain's `positionMetrics`), as of the last mark and the market clock. */
export interface PositionMetricsResponse {
  /** Null when unlimited. */
  maxProfitPaise: number | null;
  /** The worst P&L at expiry (negative for a loss); null when unlimited. */
  maxLossPaise: number | null;
  maxProfitUnlimited: boolean;
  maxLossUnlimited: boolean;
  breakevens: number[];
  /** Fraction 0..1. */
  probabilityOfProfit: number | null;
  premiumCollectedPaise: number;
  costToClosePaise: number | null;
  capturedPct: number | null;
  marginBlockedPaise: number | null;
  returnOnMarginPct: number | null;
  daysToExpiry: number;
  /** Mean IV of the open option legs, fraction. */
  vol: number | null;
  /** Years from the market clock to the expiry's close (for the ±σ bands). */
  yearsToExpiry: number;
  shortStrikes: ShortStrikeDistanceResponse[];
  greeks: NetGreeksResponse | null;
  targetPct: number | null;
  targetProfitPaise: number | null;
  targetProgressPct: number | null;
  stopLossPaise: number | null;
  stopProgressPct: number | null;
  nextExitRule: NextExitRuleResponse | null;
  /** The market instant the figures are computed at (epoch ms). */
  asOfMs: number;
}
