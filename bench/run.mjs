// `npm run bench`: serves the repo with the reference Dashboard, opens each bench/*.bench.ts in headless Chromium,
// and prints the measured tables; then reports the built bundle's size. Figures are measured on every run.
// Benches named in OVER_HTTP2 run against a second server speaking HTTP/2 over TLS (HTTP2=1, the test-only
// certificate of server/tls/), which is why Chromium gets --ignore-certificate-errors here and nowhere else.
//
// Each bench runs in a Chromium with no DevTools client attached, as an admin's browser runs: the page hands its
// tables back through a key of a world of the reference server (bench/page.ts, ?mailbox=). Playwright's DevTools
// session instruments every request (its Network domain reports each one to the client): measured here, that cost
// 0–4 % of the engine rows' wall time on an idle machine, and under load long tasks that were not the page's own.
// `--devtools` runs the benches through Playwright instead, as before (page console errors are printed there).
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { get as httpGet, request as httpRequest } from 'node:http';
import { get as httpsGet, request as httpsRequest } from 'node:https';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { chromium } from 'playwright';
import { chromiumLaunchOptions, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { reportBundleSize } from './bundle-size.mjs';
import { printTable } from './print.mjs';

const throughDevtools = process.argv.includes('--devtools');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = (await readdir(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

/** How long one bench may run before it counts as failed. */
const BENCH_TIMEOUT_MS = 30 * 60 * 1000;

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

const launchArgs = (secure) => [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc', ...(secure ? ['--ignore-certificate-errors'] : [])];

/** Runs one bench page through Playwright (`--devtools`) and resolves to what it published. */
async function runThroughDevtools(browser, url) {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error(`[page] ${m.text()}`); });
  await page.goto(url);
  await page.waitForFunction(() => window.benchDone, null, { timeout: BENCH_TIMEOUT_MS, polling: 500 });
  const done = await page.evaluate(() => window.benchDone);
  await page.close();
  return done;
}

/**
 * Runs one bench page in a Chromium of its own with no DevTools client, and resolves to what the page published in
 * the key `bench-result` of a mailbox world (bench/page.ts).
 */
async function runPlain(origin, name, url, secure) {
  const { baseUrl } = await requestJson(origin, 'POST', '/api/__dev/worlds', { seed: 'empty' });
  const { unit } = await requestJson(origin, 'GET', `${baseUrl}/session`);
  const profile = await mkdtemp(`${tmpdir()}/bench-chromium-`);
  const chrome = spawn(chromiumLaunchOptions().executablePath, [...launchArgs(secure), '--headless', `--user-data-dir=${profile}`, `${url}&mailbox=${encodeURIComponent(baseUrl)}&unit=${encodeURIComponent(unit.id)}`], { stdio: 'ignore' });
  let exited = false;
  chrome.on('exit', () => (exited = true));
  try {
    const started = Date.now();
    for (;;) {
      const { items } = await requestJson(origin, 'GET', `${baseUrl}/units/${unit.id}/keys`);
      const result = items.find((k) => k.key === 'bench-result');
      if (result) return JSON.parse(result.value);
      if (exited) throw new Error(`Chromium exited before bench ${name} reported`);
      if (Date.now() - started > BENCH_TIMEOUT_MS) throw new Error(`bench ${name} did not report within ${BENCH_TIMEOUT_MS / 60000} minutes`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    chrome.kill();
    await new Promise((r) => (exited ? r() : chrome.once('exit', r)));
    await rm(profile, { recursive: true, force: true }).catch(() => {});
    await requestJson(origin, 'DELETE', `${baseUrl}/__dev/world`).catch(() => {});
  }
}

let failed = false;
try {
  const plain = names.some((n) => !OVER_HTTP2.has(n)) ? await startServer(false) : undefined;
  const secure = names.some((n) => OVER_HTTP2.has(n)) ? await startServer(true) : undefined;
  const browser = throughDevtools
    ? await chromium.launch(chromiumLaunchOptions({ args: launchArgs(Boolean(secure)) }))
    : undefined;
  console.log(throughDevtools ? 'Benches run through Playwright (a DevTools client is attached).' : 'Benches run in headless Chromium with no DevTools client attached (`--devtools`: through Playwright).');
  try {
    for (const name of names) {
      // The figures depend on what else the machine runs: say how loaded it was, before and after.
      const loadBefore = loadavg()[0].toFixed(1);
      console.log(`\n### ${name}   (load average ${loadBefore} on ${cpus().length} cores at the start)`);
      const origin = OVER_HTTP2.has(name) ? secure : plain;
      const url = `${origin}/bench/index.html?bench=${name}`;
      const done = browser ? await runThroughDevtools(browser, url) : await runPlain(origin, name, url, OVER_HTTP2.has(name));
      if (done.error) {
        failed = true;
        console.error(`bench ${name} failed: ${done.error}`);
      } else {
        for (const table of done.tables) printTable(table);
      }
      console.log(`  (load average ${loadavg()[0].toFixed(1)} at the end of ${name}; 5-minute ${loadavg()[1].toFixed(1)})`);
    }
  } finally {
    await browser?.close();
  }
  if (only.length === 0 || only.includes('bundle')) await reportBundleSize();
} finally {
  for (const server of servers) server.kill();
}
process.exit(failed ? 1 : 0);

/** Sends a JSON request to the dev server (the test-only certificate accepted over https) and resolves to its JSON. */
function requestJson(origin, method, path, body) {
  const url = new URL(path, origin);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method, rejectUnauthorized: false, headers: { authorization: 'Bearer admin-token', 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (text += d));
      response.on('end', () => {
        if (response.statusCode >= 300) reject(new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 200)}`));
        else resolve(text ? JSON.parse(text) : undefined);
      });
    });
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

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
