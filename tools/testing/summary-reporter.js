// A jest reporter that writes each project's totals to tmp/test-results/, so the README's
// test command can print one closing line for the whole suite ("N passed, N failed"), and
// names every failed test there, so the tail of a long run says what failed.
const { mkdirSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

/** First lines of a failure message, without colour codes: enough to recognise the cause. */
function firstLines(text, lines = 6) {
  return String(text || '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(0, lines)
    .join('\n');
}

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
    const root = this.globalConfig.rootDir || process.cwd();
    const failures = [];
    for (const suite of results.testResults) {
      const file = relative(root, suite.testFilePath);
      if (suite.testExecError) {
        failures.push({ file, test: '(the suite did not run)', message: firstLines(suite.testExecError.message) });
      }
      for (const t of suite.testResults) {
        if (t.status === 'failed') {
          failures.push({ file, test: t.fullName, message: firstLines(t.failureMessages.join('\n')) });
        }
      }
    }
    writeFileSync(
      join(dir, `${name}.json`),
      JSON.stringify({
        rootDir: `${this.globalConfig.rootDir}${pass}`,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
        failures,
        // Slowest files first, so a CI run that grows too long says where its time went.
        slowest: results.testResults
          .map((suite) => ({
            file: relative(root, suite.testFilePath),
            seconds: Math.round((suite.perfStats.end - suite.perfStats.start) / 100) / 10,
          }))
          .sort((a, b) => b.seconds - a.seconds)
          .slice(0, 12),
        seconds: Math.round((Date.now() - results.startTime) / 1000),
      }),
    );
  }
}

module.exports = SummaryReporter;
