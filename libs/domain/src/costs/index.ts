export * from './charge-rates.data';
export * from './charge-rates';
export * from './trade-charges';
export * from './exercise-stt';
export * from './brokerage.defaults';
