export * from './analytics.types';
export * from './bands';
export * from './trade-stats';
export * from './equity-curve';
export * from './targets-progress';
export * from './analytics-report';
