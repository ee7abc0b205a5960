export * from './analytics-report.response';
export * from './analytics-trade.response';
export * from './learning.response';
