#!/usr/bin/env bash
# `npm start`: installs what is missing, then serves the demo at http://localhost:${PORT:-8000}/
# (`HTTP2=1 npm start`: HTTP/2 over TLS at https://localhost:${PORT:-8000}/, test-only certificate in server/tls/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser-optional
if [ "${HTTP2:-}" = 1 ]; then scheme=https; else scheme=http; fi
echo "Demo Dashboard: ${scheme}://localhost:${PORT:-8000}/   (offline inspector: /inspect.html)"
exec ./node_modules/.bin/wds --config web-dev-server.config.mjs
