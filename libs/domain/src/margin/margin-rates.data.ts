import type { IsoDate } from '../time/ist-date';

/**
 * Rough exchange margin rates in force from `effectiveFrom` until the next set (DECISIONS.md
 * §2, "Margin (rough)"). FRACTIONS of notional. An approximation of SPAN + exposure margin for
 * paper trading, the simulator and the gateway's own check; live trading also asks the
 * broker's margin API and keeps the larger figure.
 */
export interface MarginRateSet {
  readonly effectiveFrom: IsoDate;
  /** A short index or stock option: this fraction of the underlying's notional (spot × units). */
  readonly shortOptionFraction: number;
  /** Extra exposure margin per short option leg on the contract's expiry day. */
  readonly expiryDayExtraFraction: number;
  /** Index futures (NIFTY, BANKNIFTY…), long or short: fraction of the contract value. */
  readonly indexFuturesFraction: number;
  /** Stock futures: fraction of the contract value (stocks carry wider SPAN than indices). */
  readonly stockFuturesFraction: number;
}

/**
 * The shipped table, oldest first. The 2% expiry-day ELM on short options came with SEBI's
 * derivatives framework of 2024-10-01, effective 2024-11-20. Futures rates are not in the
 * plan: 12% for index futures (NSE's SPAN + ELM for NIFTY sits near it) and 20% for stock
 * futures (a conservative middle of NSE's 15–40% range); see docs/PARAMETERS.md.
 */
export const MARGIN_RATE_SETS: readonly MarginRateSet[] = Object.freeze([
  Object.freeze({ effectiveFrom: '2015-01-01', shortOptionFraction: 0.12, expiryDayExtraFraction: 0, indexFuturesFraction: 0.12, stockFuturesFraction: 0.2 }),
  Object.freeze({ effectiveFrom: '2024-11-20', shortOptionFraction: 0.12, expiryDayExtraFraction: 0.02, indexFuturesFraction: 0.12, stockFuturesFraction: 0.2 }),
]);

/** Underlyings that are indices (their futures take the index rate). */
export const INDEX_UNDERLYINGS: readonly string[] = Object.freeze(['NIFTY', 'BANKNIFTY', 'FINNIFTY', 'MIDCPNIFTY', 'NIFTYNXT50']);
