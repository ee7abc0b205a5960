#!/usr/bin/env bash
# Runs every benchmark (or the ones named): bash tools/bench/run-all.sh [pricing] [--strict]
# Results: a table on stdout and bench-results/<name>.json. --strict exits 1 on a missed target.
set -euo pipefail
cd "$(dirname "$0")/../.."
# tsconfig.base.json carries the @mcube/* path aliases the benchmarks import.
export SWC_NODE_PROJECT="${SWC_NODE_PROJECT:-tsconfig.base.json}"
exec node -r @swc-node/register tools/bench/index.ts "$@"
