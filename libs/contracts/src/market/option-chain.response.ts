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
}
