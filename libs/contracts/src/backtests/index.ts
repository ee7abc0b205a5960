export * from './backtest.response';
