import { DomainError, type OrderSide } from '@mcube/domain';
import type { LimitPriceMode } from '../config/icici-futures.config';
import type { FuturesTouch } from '../ports/futures-market.port';

// Micro-rupees: fine enough that rounding a price to them never crosses a tick the wrong way.
const micro = (rupees: number) => Math.round(rupees * 1e6);

/** A price on the tick: nearest, or rounded down / up (never past the price). Exact in integer micro-rupees. */
export function onTick(price: number, tick: number, mode: 'NEAREST' | 'DOWN' | 'UP' = 'NEAREST'): number {
  const p = micro(price);
  const t = micro(tick);
  if (!(t > 0) || !Number.isFinite(p)) throw new DomainError('INVALID_ARGUMENT', `cannot put ${price} on a ${tick} tick`);
  const steps = mode === 'DOWN' ? Math.floor(p / t) : mode === 'UP' ? Math.ceil(p / t) : Math.round(p / t);
  return Math.round((steps * t) / 1e4) / 100;
}

/**
 * The limit of an order from the touch: TOUCH takes the other side (a BUY at the ask, a SELL at
 * the bid: fills at once, as the exchanges want limit orders for algorithms), MID the mid;
 * without a two-sided touch, the last price. Always on the tick.
 */
export function limitPriceFor(touch: FuturesTouch, side: OrderSide, mode: LimitPriceMode, tick: number): number {
  const { bid, ask, lastPrice } = touch;
  if (mode === 'MID' && bid !== undefined && ask !== undefined && bid > 0 && ask >= bid) return onTick((bid + ask) / 2, tick);
  const far = side === 'BUY' ? ask : bid;
  return onTick(far !== undefined && far > 0 ? far : lastPrice, tick);
}

/** The band an approved order's touch must stay in: ± `bandPct` percent of the limit, widened outward to the tick. */
export function priceBand(limit: number, bandPct: number, tick: number): { low: number; high: number } {
  return { low: onTick(limit * (1 - bandPct / 100), tick, 'DOWN'), high: onTick(limit * (1 + bandPct / 100), tick, 'UP') };
}
