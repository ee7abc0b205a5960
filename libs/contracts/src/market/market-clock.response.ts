/** What the market is doing: the F&O session, its pre-open, closed (evenings, weekends) or a weekday holiday. */
export type MarketSessionStateCode = 'PRE_OPEN' | 'OPEN' | 'CLOSED' | 'HOLIDAY';

/**
 * GET /api/market/clock and the `market.clock` event: the market's notion of now, which every
 * market-facing time in the console uses (the simulator's or the replay's clock may differ from
 * the wall clock by days). `wallMs` is the server's wall clock at the same instant, so a client
 * can extrapolate between two readings at `speed`.
 */
export interface MarketClockResponse {
  /** Market time, UTC epoch ms. */
  nowMs: number;
  /** The IST trading date and time of `nowMs` (YYYY-MM-DD, HH:MM:SS). */
  istDate: string;
  istTime: string;
  session: MarketSessionStateCode;
  /**
   * 'sim' (seeded simulator) or 'replay' (historical data): the source of every price the market
   * endpoints (`/api/market/*`), the `/ws` ticks and the chain snapshots serve, also while an
   * account trades LIVE (a LIVE account's strategy, marks, exits and the gateway's figures read
   * its broker instead; the console says so in its status bar). No broker feed is served here.
   */
  source: 'sim' | 'replay';
  /** Market seconds per wall second (1 in real time; above 1 the clock spends only sessions). */
  speed: number;
  /** Server wall clock at the reading, UTC epoch ms. */
  wallMs: number;
}
