// Sums the per-project jest totals written by summary-reporter.js and prints the closing line.
const { existsSync, readdirSync, readFileSync } = require('fs');
const { join } = require('path');

const dir = join(__dirname, '../../tmp/test-results');
const totals = { passed: 0, failed: 0, skipped: 0, suites: 0 };
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files) {
  const r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += r[key];
  console.log(`  ${r.rootDir}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.suites} suites)`);
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
