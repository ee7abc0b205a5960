export * from './strategy-config.response';
