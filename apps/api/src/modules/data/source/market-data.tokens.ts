import type { IntentInstrument } from '@mcube/domain';

/** Injection token of the `MarketDataPort` chosen by configuration (simulator or replay). */
export const MARKET_DATA = Symbol('mcube:market-data');

/**
 * The configured market source's symbol of a contract (the simulator's and the replay's
 * `NIFTY-2026-08-25-24500-CE`): the one place that format is known outside the source, so
 * trading code names contracts by `IntentInstrument` and asks `ContractQuotes`. A live source
 * would map through its instrument master here.
 */
export type ContractSymbolOf = (instrument: IntentInstrument) => string;

/** Injection token of the source's `ContractSymbolOf`. */
export const MARKET_CONTRACT_SYMBOL = Symbol('mcube:market-contract-symbol');

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
