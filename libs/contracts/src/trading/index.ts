export * from './account-summary.response';
export * from './decision.response';
export * from './alert.response';
export * from './position.response';
export * from './entry-evaluation.response';
export * from './alert-channels.response';
export * from './trading-state.response';
export * from './order-denied.response';
