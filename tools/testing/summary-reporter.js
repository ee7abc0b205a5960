// A jest reporter that writes each project's totals to tmp/test-results/, so the README's
// test command can print one closing line for the whole suite ("N passed, N failed").
const { mkdirSync, writeFileSync } = require('fs');
const { join } = require('path');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '../../tmp/test-results');
    mkdirSync(dir, { recursive: true });
    // The PostgreSQL pass (TEST_DATABASE=postgres) is reported apart from the SQLite one.
    const pass = process.env.TEST_DATABASE === 'postgres' ? ' (PostgreSQL)' : '';
    const name = `${this.globalConfig.rootDir || 'jest'}${pass}`.replace(/[^A-Za-z0-9]+/g, '_');
    writeFileSync(
      join(dir, `${name}.json`),
      JSON.stringify({
        rootDir: `${this.globalConfig.rootDir}${pass}`,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
      }),
    );
  }
}

module.exports = SummaryReporter;
