#!/usr/bin/env bash
# npm run bench: every benchmark, printing medians (figures, not assertions).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_deps
# The console benchmark loads the production builds (the API serves the console).
npx nx run-many -t build -p api web --outputStyle=stream >/dev/null
exec bash tools/bench/run-all.sh "$@"
