export * from './account.response';
