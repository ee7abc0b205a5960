/* eslint-disable */
const preset = require('../../jest.preset.js');

export default {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Integration tests share one PostgreSQL server; keep files serial to avoid cross-talk.
  maxWorkers: 1,
  // The PostgreSQL pass (TEST_DATABASE=postgres) creates and migrates a database per app boot:
  // the same tests, more time for their hooks.
  ...(process.env['TEST_DATABASE'] === 'postgres' ? { testTimeout: 120_000 } : {}),
};
