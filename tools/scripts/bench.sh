#!/usr/bin/env bash
# npm run bench: every benchmark, printing medians (figures, not assertions).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_deps
exec bash tools/bench/run-all.sh "$@"
