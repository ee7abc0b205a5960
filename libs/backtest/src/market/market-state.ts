import type { IsoDate } from '@mcube/domain';

/**
 * What the market looks like at the engine's current instant: written ONLY by the engine as
 * events arrive in time order, read by the market-data port. Nothing here is later than
 * `nowMs`: that is how a strategy sees only what existed at its decision time.
 */
export class MarketState {
  /** The instant, UTC epoch ms; and its IST date. */
  nowMs = 0;
  date: IsoDate = '';
  /** Index of today's bar in the NIFTY daily series (-1 outside a data day). */
  dayIndex = -1;
  /** Last NIFTY and India VIX levels known at `nowMs` (NaN before the first). */
  nifty = Number.NaN;
  vix = Number.NaN;
  /** Today's opening NIFTY level, once the session has opened (NaN before). */
  niftyOpen = Number.NaN;
  /** Previous trading day's official NIFTY close. */
  niftyPrevClose = Number.NaN;
  /** True from today's session close until the next day opens. */
  dayClosed = false;
}
