import { MarketDataFuturesSource, type FuturesMarketPort } from '@mcube/strategy-icici-futures';
import type { Clock, NseCalendar } from '@mcube/domain';
import type { IciciLiveBrokers } from './icici-live-brokers.service';

/**
 * The futures screener's market port on Breeze data (issue 15 §1 "market data"): the ICICI
 * account's polling `MarketDataPort` (quotes, option chains with OI for PCR, historical v2 bars,
 * sector-index moves, the security master's futures) behind the strategy's own adapter
 * (`MarketDataFuturesSource`, which reports what a feed lacks instead of inventing it). Reads
 * only: no order path. Needs the day's session and the day's master (`instruments.refresh`).
 * The scheduled strategy reads the same port through `LiveMarketData` (per call, while the
 * account is LIVE); this builds it directly for one account (tests, tools).
 */
export async function iciciFuturesMarket(live: IciciLiveBrokers, accountId: number, calendar: NseCalendar, marketClock: Clock): Promise<FuturesMarketPort> {
  return new MarketDataFuturesSource(await live.marketDataFor(accountId), calendar, marketClock);
}
