/**
 * @mcube/contracts: the shapes shared by the API and the web console (REST responses,
 * request payload interfaces, the typed WebSocket event map). Plain TypeScript only:
 * no ORM, no Nest, no Angular.
 */
export * from './common/error-response';
export * from './common/acknowledgement.response';
export * from './calendar';
export * from './market';
export * from './trading';
export * from './accounts';
export * from './strategies';
export * from './core';
export * from './knowledge';
export * from './backtests';
export * from './analytics';
export * from './ws';
export * from './words';
