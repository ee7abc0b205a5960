import { quoteNameOf, type Clock, type MarketDataPort, type MarketQuote, type NseCalendar, type QuoteTarget } from '@mcube/domain';
import { MarketDataFuturesSource } from '@mcube/strategy-icici-futures';
import { overridingMarketData } from './overriding-market-data';

/** A stock futures contract's canonical key ('TCS-2026-03-30-FUT'). */
const STOCK_FUT = /^([A-Z0-9&_-]+?)-(\d{4}-\d{2}-\d{2})-FUT$/;

/**
 * `market` whose `quote` also prices a stock future the source has no feed for, by the same
 * cost-of-carry model the ICICI screener plans with (`MarketDataFuturesSource.futuresTouch`,
 * source MODELLED): the simulator and the replay quote the stock, not its futures, and the
 * paper broker needs the contract's touch to fill. A real feed (live, a quoted future) wins.
 */
export function modelledFuturesMarketData(market: MarketDataPort, calendar: NseCalendar, clock: Clock): MarketDataPort {
  const futures = new MarketDataFuturesSource(market, calendar, clock);
  return overridingMarketData(market, 'quote', async (target: QuoteTarget): Promise<MarketQuote> => {
    const symbol = quoteNameOf(target);
    try {
      return await market.quote(target);
    } catch (error) {
      const m = STOCK_FUT.exec(symbol);
      if (!m) throw error;
      const touch = await futures.futuresTouch({ underlying: m[1], expiry: m[2] });
      return { symbol, lastPrice: touch.lastPrice, bid: touch.bid, ask: touch.ask, asOfMs: touch.asOfMs };
    }
  });
}
