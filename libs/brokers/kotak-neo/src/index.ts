/**
 * @mcube/brokers-kotak-neo: the Kotak Neo Trade API adapter (our own client; no SDK).
 * Login (TOTP + MPIN) and the daily session, orders and reports, the scrip master, quotes,
 * and the domain ports on top: `KotakNeoExecutionClient` (ExecutionClient) and
 * `KotakNeoMarketData` (MarketDataPort). `createKotakNeoBroker` wires one account.
 * The local stand-in server for tests is in `@mcube/brokers-kotak-neo/testing`.
 */
export * from './kotak-neo.config';
export * from './kotak-neo.factory';
export * from './kotak-neo.execution-client';
export * from './kotak-neo.market-data';
export * from './errors/kotak-neo.error';
export * from './http/neo-http.client';
export * from './http/neo-form';
export * from './auth/totp';
export * from './auth/base32';
export * from './auth/kotak-neo-credentials';
export * from './auth/kotak-neo-session';
export * from './auth/kotak-neo-session.keeper';
export * from './auth/neo-login';
export * from './api/neo-api-context';
export * from './api/neo-orders.api';
export * from './api/neo-reports.api';
export * from './api/neo-market.api';
export * from './parse/neo.types';
export * from './parse/neo-raw.types';
export * from './instruments/kotak-contract';
export * from './instruments/kotak-instrument.lookup';
export * from './instruments/kotak-master.holder';
export * from './instruments/load-instrument-master';
export * from './instruments/parse-fo-master';
export * from './instruments/parse-cash-master';
export * from './instruments/compare-master';
export * from './instruments/nse-epoch';
export * from './orders/neo-position-math';
export * from './orders/neo-order-state';
export * from './market/quote-poller';
export * from './market/index-names';
