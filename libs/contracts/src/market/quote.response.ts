/** One instrument's latest quote as the API serves it. Prices in rupees/points. */
export interface QuoteResponse {
  symbol: string;
  lastPrice: number;
  previousClose: number | null;
  /** lastPrice − previousClose, null without a previous close. */
  change: number | null;
  changePct: number | null;
  bid: number | null;
  ask: number | null;
  volume: number | null;
  openInterest: number | null;
  /** UTC epoch ms of the quote. */
  asOfMs: number;
}

/** GET /api/market/quotes. */
export interface QuotesResponse {
  quotes: QuoteResponse[];
}

/** GET /api/market/vix. */
export interface VixResponse {
  value: number;
  asOfMs: number;
}

/** GET /api/market/global-cues. */
export interface GlobalCuesResponse {
  giftNiftyChangePct: number | null;
  indices: { name: string; changePct: number }[];
  asOfMs: number;
}

/** GET /api/market/expiries: listed NIFTY expiries (IST dates, ascending). */
export interface ExpiriesResponse {
  underlying: string;
  /** Every listed expiry over the next ~10 weeks (weeklies and monthlies). */
  weekly: string[];
  /** Monthly expiries of the next three months. */
  monthly: string[];
}
