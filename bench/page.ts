// Runs the benchmark module named in ?bench= and publishes its tables for bench/run.mjs to read: on `window` (a page
// driven through Playwright), and, with `?mailbox=<world base URL>&unit=<id>`, as the value of the key
// `bench-result` of that world's unit (a Chromium with no DevTools client attached, which nothing else can read).
import type { BenchTable } from './types.js';

declare global {
  interface Window {
    benchDone?: { tables?: BenchTable[]; error?: string };
  }
}

const name = new URLSearchParams(location.search).get('bench') ?? '';
if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad bench name ${name}`);
try {
  const module = (await import(`./${name}.bench.ts`)) as { default: () => Promise<BenchTable[]> };
  window.benchDone = { tables: await module.default() };
} catch (error) {
  window.benchDone = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
}
const query = new URLSearchParams(location.search);
const mailbox = query.get('mailbox');
if (mailbox) {
  await fetch(`${mailbox}/units/${encodeURIComponent(query.get('unit') ?? '')}/keys/bench-result`, {
    method: 'PUT',
    headers: { authorization: 'Bearer admin-token', 'content-type': 'application/json' },
    body: JSON.stringify({ value: JSON.stringify(window.benchDone), secret: false }),
  });
}
