import { DomainError } from '../errors/domain-error';
import { assertFinite, assertPositive } from '../validation/assert';
import type { OrderSide } from './order-types';
import { paiseOfPrice } from '../money/paise';

/** Inputs of `protectedLimitPrice`. */
export interface ProtectedLimitPriceParams {
  readonly side: OrderSide;
  /** Price the market intent refers to (LTP, best bid/ask), rupees, > 0. */
  readonly referencePrice: number;
  /** Worst acceptable slippage as a fraction, 0 ≤ p < 1 (0.02 = 2%). */
  readonly protectionPct: number;
  /** Exchange tick in rupees (₹0.05 for NIFTY options), a whole number of paise. */
  readonly tickSize: number;
}

// Absorbs binary noise such as 100 × 1.02 = 102.00000000000001 before rounding to a tick.
const EPS = 1e-7;

/**
 * Turns a market intent into a protected LIMIT price, since exchanges reject algo market
 * orders (DECISIONS §3): a BUY may pay at most ref × (1 + p), rounded UP to the tick; a
 * SELL accepts at least ref × (1 − p), rounded DOWN to the tick, but never less than one
 * tick (the lowest price an exchange accepts). The result is on the tick grid, in rupees
 * with at most 2 decimals. Throws INVALID_ARGUMENT for a non-positive or non-finite price
 * or tick, a tick that is not whole paise, or p outside [0, 1).
 */
export function protectedLimitPrice(params: ProtectedLimitPriceParams): number {
  const { side, referencePrice, protectionPct, tickSize } = params;
  assertPositive('referencePrice', referencePrice);
  assertPositive('tickSize', tickSize);
  assertFinite('protectionPct', protectionPct);
  if (protectionPct < 0 || protectionPct >= 1) {
    throw new DomainError('INVALID_ARGUMENT', `protectionPct must be in [0, 1), got ${protectionPct}`, { protectionPct });
  }
  const tickPaise = paiseOfPrice(tickSize);
  if (tickPaise < 1 || Math.abs(tickSize * 100 - tickPaise) > EPS) {
    throw new DomainError('INVALID_ARGUMENT', `tickSize must be a whole number of paise, got ${tickSize}`, { tickSize });
  }
  if (side !== 'BUY' && side !== 'SELL') throw new DomainError('INVALID_ARGUMENT', `side must be BUY or SELL, got ${String(side)}`);
  const factor = side === 'BUY' ? 1 + protectionPct : 1 - protectionPct;
  const ticks = (referencePrice * factor * 100) / tickPaise;
  const rounded = side === 'BUY' ? Math.ceil(ticks - EPS) : Math.max(1, Math.floor(ticks + EPS));
  return (rounded * tickPaise) / 100;
}
