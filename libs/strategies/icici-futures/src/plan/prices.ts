import { DomainError, type OrderSide } from '@mcube/domain';
import type { LimitPriceMode } from '../config/icici-futures.config';
import type { FuturesTouch } from '../ports/futures-market.port';

const paise = (rupees: number) => Math.round(rupees * 100);

/** A price on the tick: nearest, or rounded down / up. Works in integer paise so ₹0.05 steps stay exact. */
export function onTick(price: number, tick: number, mode: 'NEAREST' | 'DOWN' | 'UP' = 'NEAREST'): number {
  const p = paise(price);
  const t = paise(tick);
  if (!(t > 0) || !Number.isFinite(p)) throw new DomainError('INVALID_ARGUMENT', `cannot put ${price} on a ${tick} tick`);
  const steps = mode === 'DOWN' ? Math.floor(p / t) : mode === 'UP' ? Math.ceil(p / t) : Math.round(p / t);
  return (steps * t) / 100;
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
