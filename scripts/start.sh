#!/usr/bin/env bash
# `npm start`: installs what is missing, then serves the demo at http://localhost:${PORT:-8000}/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser-optional
echo "Demo Dashboard: http://localhost:${PORT:-8000}/   (offline inspector: /inspect.html)"
exec ./node_modules/.bin/wds --config web-dev-server.config.mjs
