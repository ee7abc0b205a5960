#!/usr/bin/env bash
# README command 2: the whole test suite (lint with module boundaries, type checks, every
# jest project on real SQLite, PostgreSQL and Redis), ending with one "N passed, N failed" line.
#
# --postgres: the PostgreSQL pass instead (CI runs both, see .ci/run): the jest project that
# touches the database (apps/api) again with TEST_DATABASE=postgres, so every suite that does
# not name its dialect runs on a scratch PostgreSQL database (those that name theirs already ran
# on both in the default pass and are left out, see apps/api/jest.config.ts). The other projects have no
# database and already ran in the default pass; lint and type checks are not repeated.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_deps
ensure_redis
ensure_postgres
rm -rf tmp/test-results tmp/checks-errors.txt

status=0
checks_failed=0
tests_errored=0
if [ "${1:-}" = "--postgres" ]; then
  echo "==> tests on PostgreSQL (TEST_DATABASE=postgres, ${TEST_POSTGRES_ADMIN_URL:-postgres@127.0.0.1:5432})"
  TEST_DATABASE=postgres npx nx run api:test --outputStyle=stream || { status=1; tests_errored=1; }
else
  echo "==> lint and type checks"
  mkdir -p tmp
  # Errors are kept in tmp/checks-errors.txt so the closing summary can repeat them.
  npx nx run-many -t lint typecheck --parallel=2 --outputStyle=stream 2>&1 | tee tmp/checks.log \
    || { status=1; checks_failed=1; grep -E "error|Failed tasks|^ *- " tmp/checks.log | tail -40 > tmp/checks-errors.txt || true; }
  echo "==> tests"
  npx nx run-many -t test --parallel=1 --outputStyle=stream || { status=1; tests_errored=1; }
fi

# The closing summary is also kept in tmp/ (per pass) so .ci/run can repeat both at its end.
pass_name=sqlite; [ "${1:-}" = "--postgres" ] && pass_name=postgres
mkdir -p tmp
MCUBE_CHECKS_FAILED=$checks_failed MCUBE_TESTS_ERRORED=$tests_errored node tools/testing/print-summary.js \
  | tee "tmp/test-summary-$pass_name.txt" || status=1
exit "$status"
