/**
 * Margin of the paper broker: an APPROXIMATION, not SPAN. Real brokers compute SPAN + exposure
 * margin with portfolio offsets; live trading must use the broker's own figures. Here
 * (DECISIONS.md §2, "Margin (rough)"):
 * - a short option blocks ≈12% of the underlying's notional (spot × units), plus 2% more on
 *   the contract's expiry day (extra ELM), via the domain's `roughShortOptionMarginPaise`;
 * - a long option blocks its premium (the cash paid: open value of the position, or limit ×
 *   quantity for a buy order still open);
 * - a futures position, long or short, blocks ≈12% of its notional (price × units);
 * - no offsets between legs (a strangle blocks both legs), so it errs on the safe side.
 * An open order blocks margin only for the part that would grow the position (the rest
 * reduces it); each open order is judged against the current position on its own.
 * Available = capital + realised P&L − charges − blocked.
 */
import { fractionOfPaise, notionalPaise, roughShortOptionMarginPaise, type BrokerInstrument, type Paise } from '@mcube/domain';
import type { PaperMarginParams } from './paper-broker.config';

/** What one exposure needs for its margin. */
export interface MarginExposure {
  readonly instrument: BrokerInstrument;
  /** Signed units: + long, − short. */
  readonly quantity: number;
  /** Rupees: the average price of a position, or the limit of an order. */
  readonly price: number;
  /** Underlying level for short options (fallback: the strike). */
  readonly spot?: number;
  /** True on the contract's expiry day. */
  readonly isExpiryDay: boolean;
}

/**
 * Margin blocked by one exposure under the approximation above; 0 for no quantity.
 * Throws DomainError INVALID_ARGUMENT for a non-positive spot or a bad fraction.
 */
export function exposureMarginPaise(exposure: MarginExposure, params: PaperMarginParams): Paise {
  const units = Math.abs(exposure.quantity);
  if (units === 0) return 0;
  if (exposure.instrument.kind === 'FUT') return fractionOfPaise(notionalPaise(exposure.price, units), params.futuresPct);
  if (exposure.quantity > 0) return notionalPaise(exposure.price, units);
  const spot = exposure.spot ?? exposure.instrument.strike ?? 0;
  // lotSize = units and one lot: the same notional as lots × lot size, without needing the lot size here.
  return roughShortOptionMarginPaise({
    spot,
    lotSize: units,
    lots: 1,
    shortLegs: 1,
    isExpiryDay: exposure.isExpiryDay,
    marginPct: params.shortOptionPct,
    expiryExtraPct: params.expiryExtraPct,
  });
}

/**
 * The part of an order of `orderQuantity` (signed) that grows a position of `netQuantity`
 * (signed): all of it when flat or on the same side, what is left after closing otherwise.
 */
export function growingQuantity(netQuantity: number, orderQuantity: number): number {
  if (netQuantity === 0 || Math.sign(netQuantity) === Math.sign(orderQuantity)) return orderQuantity;
  const rest = Math.abs(orderQuantity) - Math.abs(netQuantity);
  return rest > 0 ? Math.sign(orderQuantity) * rest : 0;
}
