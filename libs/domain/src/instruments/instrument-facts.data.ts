import type { FreezeQuantityTable } from './instruments.types';

/** Tick size of NSE index and stock derivatives: ₹0.05 (DECISIONS.md §2). */
export const tickSize = 0.05;

/**
 * Freeze quantity per order: larger orders must be sliced (DECISIONS.md §2: NIFTY 1,800
 * units). Only today's figure is sourced, so it is applied to all of 2015–2026; NSE's
 * earlier limits differed. Pass an override (broker master) where a backtest needs them.
 */
export const NSE_FREEZE_QUANTITIES: FreezeQuantityTable = {
  NIFTY: [{ effectiveFrom: '2015-01-01', freezeQuantity: 1800 }],
};

/** Strike interval of listed weekly and monthly options, in index points (DECISIONS.md §2). */
export const NSE_STRIKE_INTERVALS: Readonly<Record<string, number>> = {
  NIFTY: 50,
};
