export * from './knowledge.response';
