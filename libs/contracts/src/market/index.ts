export * from './quote.response';
export * from './option-chain.response';
export * from './history.response';
export * from './economic-event.response';
export * from './market-clock.response';
