/* eslint-disable */
const preset = require('../../jest.preset.js');

export default {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // Each suite has its own database and Redis prefix (test/db/test-database.ts), so files could run
  // side by side; they run one at a time because many boot the whole app, child processes and
  // timers that measure real time, and CI has 2 cores.
  maxWorkers: 1,
  // In band, one process for every file: a handle a failing suite leaves open (a Redis client
  // still reconnecting after its close timed out, seen once) must not keep CI waiting after the
  // results are printed.
  forceExit: true,
  // Many tests boot the whole app and walk every route; on a loaded 2-core CI machine jest's
  // 30 s default was exceeded by tests that pass in 5 s on a quiet one (the PostgreSQL pass,
  // which also creates and migrates a database per boot, needed the same). A hang still fails.
  testTimeout: 120_000,
};
