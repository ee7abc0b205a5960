export * from './user.response';
