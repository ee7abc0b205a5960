#!/usr/bin/env bash
# README command 2: the whole test suite (lint with module boundaries, type checks, every
# jest project on real SQLite, PostgreSQL and Redis), ending with one "N passed, N failed" line.
#
# --postgres: the PostgreSQL pass instead (CI runs both, see .ci/run): the jest project that
# touches the database (apps/api) again with TEST_DATABASE=postgres, so every suite that does
# not name its dialect runs on a scratch PostgreSQL database. The other projects have no
# database and already ran in the default pass; lint and type checks are not repeated.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_deps
ensure_redis
ensure_postgres
rm -rf tmp/test-results

status=0
checks_failed=0
tests_errored=0
if [ "${1:-}" = "--postgres" ]; then
  echo "==> tests on PostgreSQL (TEST_DATABASE=postgres, ${TEST_POSTGRES_ADMIN_URL:-postgres@127.0.0.1:5432})"
  TEST_DATABASE=postgres npx nx run api:test --outputStyle=stream || { status=1; tests_errored=1; }
else
  echo "==> lint and type checks"
  npx nx run-many -t lint typecheck --parallel=2 --outputStyle=stream || { status=1; checks_failed=1; }
  echo "==> tests"
  npx nx run-many -t test --parallel=1 --outputStyle=stream || { status=1; tests_errored=1; }
fi

MCUBE_CHECKS_FAILED=$checks_failed MCUBE_TESTS_ERRORED=$tests_errored node tools/testing/print-summary.js || status=1
exit "$status"
