/**
 * @mcube/brokers-paper: the paper broker. An `ExecutionClient` that matches LIMIT orders
 * against the market-data port, keeps its own persisted order and trade book and positions,
 * charges from the domain cost model, blocks margin by a documented approximation, and plays
 * injected faults (timeouts after accept, rejections, 5xx, delayed fills, fill after cancel).
 */
export * from './paper-book.types';
export * from './paper-book-store.port';
export * from './in-memory-paper-book.store';
export * from './paper-broker.config';
export * from './contract-rules';
export * from './paper-faults';
export * from './paper-margin';
export * from './paper-position';
export * from './plan-fill';
export * from './paper.execution-client';
