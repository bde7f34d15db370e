#!/usr/bin/env bash
# `npm run bench`: builds the package, then runs the benchmarks in headless Chromium and prints measured figures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
node scripts/build.mjs >/dev/null
exec node bench/run.mjs "$@"
