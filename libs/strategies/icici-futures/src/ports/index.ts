export * from './futures-market.port';
export * from './futures-account.port';
export * from './strategy-order.port';
export * from './approval-request.port';
export * from './decision-journal.port';
export * from './alert-sink.port';
export * from './strategy-deps';
export * from './strategy-state.port';
