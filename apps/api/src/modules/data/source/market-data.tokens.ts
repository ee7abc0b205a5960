/** Injection token of the `MarketDataPort` chosen by configuration (simulator or replay). */
export const MARKET_DATA = Symbol('mcube:market-data');

/** Injection token of the market clock (a `Clock`): the process clock, or an accelerated one for demos. */
export const MARKET_CLOCK = Symbol('mcube:market-clock');

/** Injection token of the NSE calendar used by the market jobs and expiry lists. */
export const NSE_CALENDAR = Symbol('mcube:nse-calendar');

/** Injection token of the source kind stored beside snapshots ('sim' or 'replay'). */
export const MARKET_SOURCE_KIND = Symbol('mcube:market-source-kind');

/** Injection token of the whole `MarketSource` (port, clock, start date). */
export const MARKET_SOURCE = Symbol('mcube:market-source');
