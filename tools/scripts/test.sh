#!/usr/bin/env bash
# README command 2: the whole test suite (lint with module boundaries, type checks, every
# jest project on real SQLite, PostgreSQL and Redis), ending with one "N passed, N failed" line.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_deps
ensure_redis
ensure_postgres
rm -rf tmp/test-results

status=0
checks_failed=0
tests_errored=0
echo "==> lint and type checks"
npx nx run-many -t lint typecheck --parallel=2 --outputStyle=stream || { status=1; checks_failed=1; }
echo "==> tests"
npx nx run-many -t test --parallel=1 --outputStyle=stream || { status=1; tests_errored=1; }

MCUBE_CHECKS_FAILED=$checks_failed MCUBE_TESTS_ERRORED=$tests_errored node tools/testing/print-summary.js || status=1
exit "$status"
