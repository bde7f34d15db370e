#!/usr/bin/env bash
# Installs the npm packages from package-lock.json when node_modules is missing or older than the lock file.
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/ensure-chromium.sh
