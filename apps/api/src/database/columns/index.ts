export * from './bigint-number.transformer';
export * from './instant-column';
export * from './paise-column';
export * from './plain-columns';
export * from './timestamped-row';
export * from './bigint-number.subscriber';
