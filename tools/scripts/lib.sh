# Shared helpers for the scripts in tools/scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

# `npm ci` refuses this lock file on machines whose npm mirror lacks some other-platform
# optional binaries (e.g. @rollup/rollup-darwin-arm64 at the locked version): they cannot be
# recorded in the lock, and `npm ci` counts them as missing. `npm install` with the lock
# installs exactly the locked versions for this platform and leaves the lock unchanged.
install_deps() {
  npm ci --no-audit --no-fund 2>/dev/null || npm install --no-audit --no-fund
}

ensure_deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> installing dependencies (npm install from the lock file)"
    install_deps
  fi
}

# Redis is optional for the app (in-process defaults) but the test suite uses the real one.
ensure_redis() {
  if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    if command -v redis-server >/dev/null; then
      echo "==> starting redis-server on 127.0.0.1:6379"
      redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
      for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && break; sleep 0.1; done
    else
      echo "!! Redis is not running on 127.0.0.1:6379 and redis-server is not installed" >&2
    fi
  fi
}

ensure_postgres() {
  if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null; then
      echo "==> starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
      for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && break; sleep 0.1; done
    else
      echo "!! PostgreSQL is not running on 127.0.0.1:5432" >&2
    fi
  fi
}
