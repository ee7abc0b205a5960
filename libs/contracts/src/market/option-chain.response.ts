/** One side (call or put) of a chain row, with IV and greeks computed from its price. */
export interface OptionSideResponse {
  lastPrice: number;
  /** REAL = exchange record; MODELLED = the pricing model's price. */
  priceSource: 'REAL' | 'MODELLED';
  bid: number | null;
  ask: number | null;
  volume: number | null;
  /** Units (shares), not lots. */
  openInterest: number | null;
  openInterestChange: number | null;
  /** Implied volatility as a fraction (0.14); null when the premium implies none. */
  iv: number | null;
  delta: number | null;
  gamma: number | null;
  /** Per calendar day, rupees per unit (the domain's Black-Scholes units). */
  theta: number | null;
  vega: number | null;
}

/** One strike of the chain. */
export interface OptionChainRowResponse {
  strike: number;
  call: OptionSideResponse | null;
  put: OptionSideResponse | null;
}

/** GET /api/market/option-chain: the chain with its analytics. */
export interface OptionChainResponse {
  underlying: string;
  /** IST date. */
  expiry: string;
  spot: number;
  asOfMs: number;
  /** Put OI ÷ call OI; null without call OI. */
  pcr: number | null;
  /** Strike where option holders' expiry payout is smallest; null without OI. */
  maxPain: number | null;
  support: number | null;
  resistance: number | null;
  totalCallOi: number;
  totalPutOi: number;
  callOiChange: number;
  putOiChange: number;
  rows: OptionChainRowResponse[];
  /** ATM IV and its percentile, straddle, expected move, futures and basis. */
  summary: ChainSummaryResponse;
}

/** The near-month future against spot. */
export interface ChainFuturesResponse {
  expiry: string;
  price: number;
  /** Futures minus spot, points. */
  basis: number;
}

/** GET /api/market/option-chain `summary`: the ATM view, IV percentile from stored history, the future. */
export interface ChainSummaryResponse {
  atmStrike: number | null;
  /** Fraction. */
  atmIv: number | null;
  /** 0–100: percent of past days (stored chain snapshots, up to a year) whose ATM IV was lower; null without history. */
  ivPercentile: number | null;
  /** How many past days the percentile is ranked against. */
  ivHistoryDays: number;
  straddlePrice: number | null;
  /** One standard deviation of the move to expiry (spot·IV·√T), points and percent of spot. */
  expectedMovePoints: number | null;
  expectedMovePct: number | null;
  /** Null when the source has no future for the near month. */
  futures: ChainFuturesResponse | null;
}
