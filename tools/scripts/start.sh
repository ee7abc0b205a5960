#!/usr/bin/env bash
# README command 1: install, build, prepare the embedded defaults (SQLite under ./data,
# in-process jobs, paper trading), then run the API with the console on one URL.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_deps

echo "==> building the API and the console"
npx nx run-many -t build -p api web --outputStyle=stream

export NODE_ENV="${NODE_ENV:-production}"
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
export MCUBE_WEB_DIST="${MCUBE_WEB_DIST:-$ROOT/dist/apps/web/browser}"
# The simulated market runs 5x real time through sessions only (nights and holidays skipped),
# with the IST job schedule on: the schedule ticks once a real second, so at 5x every 5-second
# positions.monitor slot still runs (above 5x the monitor runs once per tick, i.e. every
# MCUBE_SIM_SPEED market seconds). MCUBE_SIM_SPEED=1 runs the market at real time.
export MCUBE_SIM_SPEED="${MCUBE_SIM_SPEED:-5}"
export MCUBE_JOB_SCHEDULE="${MCUBE_JOB_SCHEDULE:-true}"
# Prometheus metrics on their own loopback listener (apps/api/SECURITY.md, "Metrics").
export METRICS_PORT="${METRICS_PORT:-9464}"

echo "==> preparing the database and the two paper accounts (idempotent)"
node dist/apps/api/apps/api/src/cli/init.js

cat <<MSG

  mCube is starting in PAPER mode (no broker is contacted).
  Market:   simulated, ${MCUBE_SIM_SPEED}x real time (sessions only), starting at the open of
            ${MCUBE_SIM_START:-the previous trading day} (MCUBE_SIM_START=YYYY-MM-DD for another day, any year),
            or where it stood when it last stopped if that is later (the market clock is saved and
            never rewinds); the Kotak strangle runs on the job schedule: entry evaluation
            at 10:00 market time (45 market minutes after the start), monitoring every 5-second slot
            up to 5x (once a real second above), exit check at 15:15. Decisions: console timeline, or GET /api/decisions.
            Real time: MCUBE_SIM_SPEED=1 $0   Faster (coarser monitoring): MCUBE_SIM_SPEED=60 $0
  Console:  http://$HOST:$PORT/
  API docs: http://$HOST:$PORT/api/docs
  Metrics:  http://${METRICS_HOST:-127.0.0.1}:$METRICS_PORT/metrics (Prometheus; loopback only)
  Backups:  the SQLite database every ${MCUBE_BACKUP_EVERY_MINUTES:-60} min into ${MCUBE_BACKUP_DIR:-./data/backups}
  Logs:     one line per request below (LOG_FORMAT=json for JSON lines)
  Log in as 'admin' (or \$MCUBE_ADMIN_USERNAME) with the one-time password printed above
  by the first init, or with \$MCUBE_ADMIN_PASSWORD if you set it. Ctrl-C stops it.

MSG
exec node dist/apps/api/apps/api/src/main.js
