import type { MarketQuote, OptionSideQuote } from '@mcube/domain';
import type { NeoQuote } from '../parse/neo.types';

/** A Kotak quote as the port's `MarketQuote` (rupees from paise; best bid/ask from depth). */
export function marketQuoteOf(symbol: string, q: NeoQuote, asOfMs: number): MarketQuote {
  return {
    symbol,
    lastPrice: q.lastPricePaise / 100,
    ...(q.bids[0] ? { bid: q.bids[0].pricePaise / 100 } : {}),
    ...(q.asks[0] ? { ask: q.asks[0].pricePaise / 100 } : {}),
    ...(q.volume !== undefined ? { volume: q.volume } : {}),
    ...(q.openInterest !== undefined ? { openInterest: q.openInterest } : {}),
    ...(q.closePaise !== undefined && q.closePaise > 0 ? { previousClose: q.closePaise / 100 } : {}),
    asOfMs,
  };
}

/** One side of a chain row: a traded price from Kotak is REAL; Kotak gives no IV or OI change. */
export function optionSideOf(q: NeoQuote): OptionSideQuote {
  return {
    lastPrice: q.lastPricePaise / 100,
    source: 'REAL',
    ...(q.bids[0] ? { bid: q.bids[0].pricePaise / 100 } : {}),
    ...(q.asks[0] ? { ask: q.asks[0].pricePaise / 100 } : {}),
    ...(q.volume !== undefined ? { volume: q.volume } : {}),
    ...(q.openInterest !== undefined ? { openInterest: q.openInterest } : {}),
  };
}
