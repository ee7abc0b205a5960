/**
 * @mcube/brokers-icici-breeze: ICICI Direct through the Breeze API. A thin signed client of
 * our own (the official Python SDK is the behavioural reference), the daily session exchange,
 * the security master with ICICI short names mapped at the edge, an ExecutionClient for NFO
 * orders and a polling MarketDataPort. Local fake server under `src/testing` (tests only).
 */
export * from './icici-breeze.config';
export * from './icici-breeze.factory';
export * from './http/breeze-checksum';
export * from './http/breeze-json';
export * from './http/breeze-transport';
export * from './http/breeze-http.client';
export * from './errors/breeze-parse-error';
export * from './errors/breeze-error-rules';
export * from './errors/breeze-error-map';
export * from './errors/breeze-halt';
export * from './parse/breeze-raw.types';
export * from './session/breeze-session';
export * from './session/breeze-session-exchange';
export * from './session/todays-session';
export * from './instruments/breeze-instrument-resolver';
export * from './instruments/security-master.types';
export * from './instruments/parse-security-master';
export * from './instruments/security-master.resolver';
export * from './instruments/reloadable.resolver';
export * from './instruments/security-master.loader';
export * from './instruments/zip-reader';
export * from './instruments/master-csv';
export * from './orders/breeze-order.request';
export * from './orders/breeze-order.mapping';
export * from './orders/breeze-trading.api';
export * from './orders/breeze.execution-client';
export * from './market-data/breeze-market.api';
export * from './market-data/breeze.market-data';
export * from './market-data/breeze-chain';
export * from './market-data/breeze-history';
export * from './market-data/breeze-screen-data';
export * from './market-data/call-pacer';
