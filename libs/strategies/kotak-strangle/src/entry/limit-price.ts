import { roundToTick, type OptionSideQuote } from '@mcube/domain';
import type { LimitPriceMode } from '../config/kotak-strangle.config';

const has = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v > 0;

/**
 * The SELL limit of an entry leg, on the tick: the bid (TOUCH, rounded down) or the mid
 * (MID, nearest tick). Without a two-sided quote, the last price (nearest tick).
 */
export function sellLimitPrice(side: OptionSideQuote, mode: LimitPriceMode, tick: number): number {
  if (has(side.bid) && has(side.ask)) return mode === 'TOUCH' ? roundToTick(side.bid, 'DOWN', tick) : roundToTick((side.bid + side.ask) / 2, 'NEAREST', tick);
  if (has(side.bid)) return roundToTick(side.bid, 'DOWN', tick);
  return roundToTick(side.lastPrice, 'NEAREST', tick);
}

/**
 * The BUY limit of a closing leg, on the tick: the ask (TOUCH, rounded up) or the mid (MID,
 * nearest tick). Without a two-sided quote, the ask or the last price.
 */
export function buyLimitPrice(side: OptionSideQuote, mode: LimitPriceMode, tick: number): number {
  if (has(side.bid) && has(side.ask)) return mode === 'TOUCH' ? roundToTick(side.ask, 'UP', tick) : roundToTick((side.bid + side.ask) / 2, 'NEAREST', tick);
  if (has(side.ask)) return roundToTick(side.ask, 'UP', tick);
  return roundToTick(side.lastPrice, 'NEAREST', tick);
}

/** The mark used for P&L: the mid of a two-sided quote, else the last price. */
export function markPrice(side: OptionSideQuote): number {
  return has(side.bid) && has(side.ask) ? (side.bid + side.ask) / 2 : side.lastPrice;
}
