import type { MarketData } from '../entities/market-data.entity';

/** The unique key of a stored bar (`uq_market_data_symbol_interval_start`). */
export const BAR_KEY: (keyof MarketData & string)[] = ['symbol', 'interval', 'barStart'];

/** The columns a newer bar with the same key overwrites. */
export const BAR_VALUES: (keyof MarketData & string)[] = ['openPaise', 'highPaise', 'lowPaise', 'closePaise', 'volume', 'openInterest', 'source'];
