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

echo "==> preparing the database and the two paper accounts (idempotent)"
node dist/apps/api/apps/api/src/cli/init.js

cat <<MSG

  mCube is starting in PAPER mode (no broker is contacted).
  Console:  http://$HOST:$PORT/
  API docs: http://$HOST:$PORT/api/docs
  Log in as 'admin' (or \$MCUBE_ADMIN_USERNAME) with the one-time password printed above
  by the first init, or with \$MCUBE_ADMIN_PASSWORD if you set it. Ctrl-C stops it.

MSG
exec node dist/apps/api/apps/api/src/main.js
