// `npm run bench`: serves the repo with the reference Dashboard, opens each bench/*.bench.ts in headless Chromium,
// and prints the measured tables; then reports the built bundle's size. Figures are measured on every run.
// Benches named in OVER_HTTP2 run against a second server speaking HTTP/2 over TLS (HTTP2=1, the test-only
// certificate of server/tls/), which is why Chromium gets --ignore-certificate-errors here and nowhere else.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { chromium } from 'playwright';
import { chromiumLaunchOptions, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { reportBundleSize } from './bundle-size.mjs';
import { printTable } from './print.mjs';

const only = process.argv.slice(2);
const names = (await readdir(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

/** Benches that must run over HTTP/2 (TLS). */
const OVER_HTTP2 = new Set(['http2']);

const servers = [];
/** Starts a dev server (HTTP/1.1, or HTTP/2 over TLS) and resolves to its origin once it answers. */
async function startServer(http2) {
  const port = await freePort();
  const server = spawn('./node_modules/.bin/wds', ['--config', 'web-dev-server.config.mjs'], {
    env: { ...process.env, PORT: String(port), HTTP2: http2 ? '1' : '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(server);
  const origin = `${http2 ? 'https' : 'http'}://localhost:${port}`;
  await waitForServer(`${origin}/bench/index.html`);
  return origin;
}

let failed = false;
try {
  const plain = names.some((n) => !OVER_HTTP2.has(n)) ? await startServer(false) : undefined;
  const secure = names.some((n) => OVER_HTTP2.has(n)) ? await startServer(true) : undefined;
  const browser = await chromium.launch(
    chromiumLaunchOptions({
      args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc', ...(secure ? ['--ignore-certificate-errors'] : [])],
    }),
  );
  try {
    for (const name of names) {
      // The figures depend on what else the machine runs: say how loaded it was, before and after.
      const loadBefore = loadavg()[0].toFixed(1);
      console.log(`\n### ${name}   (load average ${loadBefore} on ${cpus().length} cores at the start)`);
      const page = await browser.newPage();
      page.on('console', (m) => { if (m.type() === 'error') console.error(`[page] ${m.text()}`); });
      await page.goto(`${OVER_HTTP2.has(name) ? secure : plain}/bench/index.html?bench=${name}`);
      await page.waitForFunction(() => window.benchDone, null, { timeout: 30 * 60 * 1000, polling: 500 });
      const done = await page.evaluate(() => window.benchDone);
      if (done.error) {
        failed = true;
        console.error(`bench ${name} failed: ${done.error}`);
      } else {
        for (const table of done.tables) printTable(table);
      }
      console.log(`  (load average ${loadavg()[0].toFixed(1)} at the end of ${name}; 5-minute ${loadavg()[1].toFixed(1)})`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (only.length === 0 || only.includes('bundle')) await reportBundleSize();
} finally {
  for (const server of servers) server.kill();
}
process.exit(failed ? 1 : 0);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/** Status of a GET of `url`; over https the test-only certificate is accepted (it is self-signed). */
function statusOf(url) {
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const request = get(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await statusOf(url)) === 200) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dev server did not start at ${url}`);
}
