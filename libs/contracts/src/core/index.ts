export * from './user.response';
export * from './health.response';
