#!/usr/bin/env bash
# Makes sure Debian's Chromium is present: the tests and the demo drive it (Playwright cannot download browsers here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium (needed for the browser tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium) and run this again." >&2
exit 1
