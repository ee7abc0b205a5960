export * from './clock.port';
export * from './broker-error';
export * from './execution-client.port';
export * from './market-data.port';
export * from './llm.port';
export * from './knowledge-store.port';
export * from './alert-channel.port';
export * from './llm-validator.port';
