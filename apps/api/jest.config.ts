/* eslint-disable */
const preset = require('../../jest.preset.js');
const { readdirSync, readFileSync } = require('fs');
const { join } = require('path');

/**
 * Suites that name their dialects (`describe.each(TEST_DIALECTS)`) already run on SQLite and
 * PostgreSQL in the default pass, so the PostgreSQL pass (TEST_DATABASE=postgres) leaves them out
 * instead of running their PostgreSQL half a second time.
 */
function suitesNamingTheirDialects(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e: { name: string; isDirectory(): boolean }) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return suitesNamingTheirDialects(path);
    return /\.(int-)?spec\.ts$/.test(e.name) && readFileSync(path, 'utf8').includes('TEST_DIALECTS') ? [path] : [];
  });
}
const postgresPass = process.env['TEST_DATABASE'] === 'postgres';

export default {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(postgresPass ? [join(__dirname, 'src'), join(__dirname, 'test')].flatMap(suitesNamingTheirDialects).map((p) => `^${p.replace(/[.]/g, '\\.')}$`) : [])],
  // Each suite has its own database and Redis prefix (test/db/test-database.ts) and every server
  // it starts listens on a free port, so two files run side by side, one per core: on the 2-core
  // machine the whole project took 11.5 min (2026-12-03, all 845 tests green) instead of about
  // 22 min one file at a time, with the two simulated months the longest files (about 2 min each).
  maxWorkers: 2,
  // A handle a failing suite leaves open (a Redis client still reconnecting after its close
  // timed out, seen once) must not keep CI waiting after the results are printed.
  forceExit: true,
  // Many tests boot the whole app and walk every route; on a loaded 2-core CI machine jest's
  // 30 s default was exceeded by tests that pass in 5 s on a quiet one (the PostgreSQL pass,
  // which also creates and migrates a database per boot, needed the same). A hang still fails.
  testTimeout: 120_000,
};
