// Diagnostic preload: times every TypeORM better-sqlite3 statement; SIGWINCH toggles recording,
// the second signal writes PROF_DIR/sql-<n>.json (per statement shape: count, total ms, max ms).
const { join } = require('path');
const fs = require('fs');
const Runner = require(require.resolve('typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner', { paths: [process.cwd()] })).BetterSqlite3QueryRunner;
const query = Runner.prototype.query;
let on = false; let n = 0; let stats = new Map(); let slow = [];
Runner.prototype.query = async function (sql, params, structured) {
  if (!on) return query.call(this, sql, params, structured);
  const t0 = process.hrtime.bigint();
  try { return await query.call(this, sql, params, structured); } finally {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const key = sql.replace(/\s+/g, ' ').slice(0, 90);
    const s = stats.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
    s.count++; s.totalMs += ms; s.maxMs = Math.max(s.maxMs, ms); stats.set(key, s);
    if (ms > 20) slow.push({ at: Date.now(), ms: Math.round(ms), sql: key });
  }
};
process.on('SIGWINCH', () => {
  if (!on) { on = true; stats = new Map(); slow = []; return; }
  on = false;
  fs.writeFileSync(join(process.env.PROF_DIR, `sql-${n++}.json`), JSON.stringify({ stats: [...stats].sort((a, b) => b[1].totalMs - a[1].totalMs), slow }, null, 1));
});
