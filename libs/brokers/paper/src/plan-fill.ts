import { roundToTick, type MarketQuote, type OrderSide } from '@mcube/domain';

/** Best bid and ask of one instrument, rupees. */
export interface Touch {
  readonly bid: number;
  readonly ask: number;
}

const usable = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * The touch of a quote: its bid and ask, or — where a side is missing — the last price
 * ∓ `halfSpreadTicks` ticks (the bid never below one tick). Undefined when the quote has
 * neither a usable side nor a usable last price (no fill can be priced).
 */
export function touchOf(quote: MarketQuote, tick: number, halfSpreadTicks: number): Touch | undefined {
  const last = usable(quote.lastPrice) ? roundToTick(quote.lastPrice, 'NEAREST', tick) : undefined;
  const bid = usable(quote.bid) ? quote.bid : last !== undefined ? Math.max(tick, last - halfSpreadTicks * tick) : undefined;
  const ask = usable(quote.ask) ? quote.ask : last !== undefined ? last + halfSpreadTicks * tick : undefined;
  return bid !== undefined && ask !== undefined ? { bid, ask } : undefined;
}

/** Inputs of {@link planFill}. */
export interface PlanFillInput {
  readonly side: OrderSide;
  readonly limitPrice: number;
  /** Units still to fill (a whole number of lots). */
  readonly remaining: number;
  readonly lotSize: number;
  readonly tick: number;
  readonly touch: Touch;
  /** Ticks of slippage against the order, ≥ 0. */
  readonly slippageTicks: number;
  /** Lots left at the touch in this pass (Infinity for unlimited). */
  readonly availableLots: number;
}

// Half a paisa: prices within it are equal (binary noise of rupee decimals).
const EPS = 0.005;

/**
 * How much of a LIMIT order fills against a touch, and at what price; undefined when it does
 * not cross or no lots are left. A BUY fills when ask ≤ limit, at ask + slippage; a SELL when
 * bid ≥ limit, at bid − slippage; either way never worse than the limit, on the tick
 * (rounded against the trader, then capped at the limit). The quantity is whole lots: the
 * remainder or the lots available, whichever is smaller.
 */
export function planFill(input: PlanFillInput): { readonly quantity: number; readonly price: number } | undefined {
  const { side, limitPrice, touch, tick, slippageTicks } = input;
  const lots = Math.min(Math.floor(input.remaining / input.lotSize), input.availableLots);
  if (!(lots > 0)) return undefined;
  let price: number;
  if (side === 'BUY') {
    if (touch.ask > limitPrice + EPS) return undefined;
    price = Math.min(limitPrice, roundToTick(touch.ask + slippageTicks * tick, 'UP', tick));
  } else {
    if (touch.bid < limitPrice - EPS) return undefined;
    price = Math.max(limitPrice, roundToTick(Math.max(0, touch.bid - slippageTicks * tick), 'DOWN', tick));
  }
  return { quantity: lots * input.lotSize, price: roundToTick(price, 'NEAREST', tick) };
}
