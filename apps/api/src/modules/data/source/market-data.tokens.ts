/** Injection token of the `MarketDataPort` chosen by configuration (simulator or replay). */
export const MARKET_DATA = Symbol('mcube:market-data');

/**
 * Injection token of the one NSE calendar of the process: the shipped table plus the stored
 * holidays, sessions and confirmed years, rebuilt on change (`CalendarStore`). Past its horizon
 * it answers with assumed days: money-protecting paths use it as is, new risk checks `isConfirmed`.
 */
export const NSE_CALENDAR = Symbol('mcube:nse-calendar');

/** Injection token of the `ExpirySource` of new entries (the calendar's dated rules until a broker master is loaded). */
export const EXPIRY_SOURCE = Symbol('mcube:expiry-source');

/** Injection token of the source kind stored beside snapshots ('sim' or 'replay'). */
export const MARKET_SOURCE_KIND = Symbol('mcube:market-source-kind');

/** Injection token of the whole `MarketSource` (port, clock, start date). */
export const MARKET_SOURCE = Symbol('mcube:market-source');
