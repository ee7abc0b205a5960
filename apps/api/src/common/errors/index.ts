export * from './app-error-code';
export * from './app-exception';
export * from './http-status-of';
