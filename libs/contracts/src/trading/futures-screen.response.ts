/** A screened candidate as the screener page shows it (a subset of the stored evaluation). */
export interface FuturesCandidateView {
  underlying: string;
  direction: 'LONG' | 'SHORT';
  score: { score: number; minimum: number; components: Record<string, number> };
  /** `confidence` is null when the direction came from the sector (no OI for the underlying). */
  openInterest: { signal: string; oiChangePct: number | null; priceChangePct: number | null; pcr: number | null; confidence: number | null };
  sector: { index: string; verdict: string; perf3d: number; perf7d: number; perf21d: number };
  technicals: { rsi: number | null; emaTrend: string; atrPct: number | null; volumeRatio: number | null };
}

/** A universe member that did not pass, with the code and reason (the page says why). */
export interface FuturesDropView {
  underlying: string;
  code: string;
  reason: string;
  score?: { score: number; minimum: number; components: Record<string, number> };
}

/** A screen as the screener page shows it: the universe, the candidates best first, and every drop with its reason. */
export interface FuturesScreenView {
  lastSession: string;
  universe: { underlying: string }[];
  candidates: FuturesCandidateView[];
  dropped: FuturesDropView[];
}

/** GET /api/strategies/icici-futures/screens: one stored screen of the ICICI strategy. */
export interface FuturesScreenResponse {
  id: number;
  accountId: number;
  occurredAtMs: number;
  decision: string;
  reasonCode: string | null;
  reason: string;
  evaluation: {
    date: string;
    time: string;
    decision: string;
    reason: string;
    screen: FuturesScreenView | null;
  };
}
