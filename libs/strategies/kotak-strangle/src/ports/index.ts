export * from './strategy-order.port';
export * from './position-view.port';
export * from './decision-journal.port';
export * from './alert-sink.port';
export * from './strategy-deps';
export * from './strategy-state.port';
