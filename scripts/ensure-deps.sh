#!/usr/bin/env bash
# Installs the npm packages from package-lock.json when node_modules is missing or older than the lock file, then
# Debian's Chromium when it is missing. `--browser-optional` (used by `npm start`, whose demo runs in the user's own
# browser) only warns when Chromium cannot be installed; the tests and benchmarks need it.
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ "${1:-}" = "--browser-optional" ]; then
  bash scripts/ensure-chromium.sh || echo "(The demo does not need it: carrying on without Chromium.)" >&2
else
  bash scripts/ensure-chromium.sh
fi
