export * from './account-risk.defaults';
export * from './usable-margin';
export * from './short-option-margin';
