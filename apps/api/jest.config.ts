/* eslint-disable */
const preset = require('../../jest.preset.js');

export default {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Integration tests share one PostgreSQL server; keep files serial to avoid cross-talk.
  maxWorkers: 1,
};
