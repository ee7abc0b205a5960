export * from './account-risk.defaults';
export * from './usable-margin';
export * from './short-option-margin';
export * from './margin-rates.data';
export * from './margin-rates';
export * from './order-figures';
