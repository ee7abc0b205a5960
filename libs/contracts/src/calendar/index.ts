export * from './calendar.response';
