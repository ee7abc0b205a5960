// Sums the per-project jest totals written by summary-reporter.js and prints the closing line.
const { existsSync, readdirSync, readFileSync } = require('fs');
const { join } = require('path');

const dir = join(__dirname, '../../tmp/test-results');
const totals = { passed: 0, failed: 0, skipped: 0, suites: 0 };
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const results = files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));
for (const r of results) {
  for (const key of Object.keys(totals)) totals[key] += r[key];
  const took = r.seconds === undefined ? '' : `, ${Math.floor(r.seconds / 60)} min ${r.seconds % 60} s`;
  console.log(`  ${r.rootDir}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.suites} suites${took})`);
  for (const f of r.failures || []) {
    console.log(`    FAILED ${f.file} > ${f.test}`);
    if (f.message) console.log(f.message.replace(/^/gm, '      '));
  }
}
// Where the time went (wall time of each file, slowest first), to keep CI well inside its limit.
for (const r of results) {
  if (!r.slowest || r.seconds < 120) continue;
  console.log(`  slowest files of ${r.rootDir}: ${r.slowest.map((s) => `${s.file} ${s.seconds} s`).join(', ')}`);
}
// A failed lint or type check counts as one failure, so the closing line never hides it.
const checksFailed = process.env.MCUBE_CHECKS_FAILED === '1' ? 1 : 0;
if (checksFailed) {
  console.log('  lint / type checks: failed');
  const errors = join(__dirname, '../../tmp/checks-errors.txt');
  if (existsSync(errors)) console.log(readFileSync(errors, 'utf8').replace(/^/gm, '    '));
}
// A jest run that ended in error without a failed test (a crash, a bad config) counts once too.
const runErrored = process.env.MCUBE_TESTS_ERRORED === '1' && totals.failed === 0 ? 1 : 0;
if (runErrored) console.log('  a test run ended in error without reporting a failed test (see above)');
const failed = totals.failed + checksFailed + runErrored;
console.log(`Tests: ${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failed > 0 || totals.passed === 0 ? 1 : 0);
