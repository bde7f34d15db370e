// Launch options for Debian's Chromium, shared by the test runner, the e2e tests and the benchmarks.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(extra = {}) {
  // The binary itself skips the Debian wrapper's warning; fall back to the wrapper.
  const executablePath = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
  return { executablePath, headless: true, args: CHROMIUM_ARGS, ...extra };
}
