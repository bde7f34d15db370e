// Where an import's CPU goes, on both sides: `node --experimental-websocket bench/profile.mjs [divisor] [concurrency]`
// imports 1/divisor (default 5) of the large seed over a world holding the same content, at zero latency, with the
// Chromium page under the CDP profiler and the dev server (the reference Dashboard) under the V8 inspector's
// profiler — both started after the world is prepared, stopped when the import ends. Prints each side's top
// self-time functions and the wall time per request; writes both .cpuprofile files to test-results/profile/
// (open them in Chrome DevTools' Performance panel). With --raw, Chromium runs with no DevTools client attached
// (Playwright enables the Network domain, whose instrumentation costs the renderer and browser CPU on every
// request) and only the CPU per process is measured. A measurement aid, not part of `npm run bench`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../scripts/chromium.mjs';

const raw = process.argv.includes('--raw');
/** Through Playwright but without the two profilers: what the profilers themselves cost. */
const unprofiled = process.argv.includes('--unprofiled');
const [divisor = 5, concurrency = 6] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const TOP = 25;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });

const port = await freePort();
const inspectPort = await freePort();
const server = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectPort}`, './node_modules/.bin/wds', '--config', 'web-dev-server.config.mjs'], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'ignore', 'pipe'],
});
// Only the first lines of each message: a page's stray 404 makes the dev server print a whole stack.
server.stderr.on('data', (d) => {
  const text = String(d).split('\n').filter((l) => !/^\s+at |Debugger|inspector|For help/.test(l)).join('\n').trim();
  if (text) console.error(`[dev server] ${text.slice(0, 300)}`);
});

/** A minimal CDP session over the inspector's WebSocket (node 20: --experimental-websocket). */
async function nodeSession() {
  const list = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
  const ws = new WebSocket(list[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  let next = 1;
  const waiting = new Map();
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data));
    if (m.id && waiting.has(m.id)) { waiting.get(m.id)(m); waiting.delete(m.id); }
  };
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** CPU seconds (user + system) of every descendant of `root`, by process type (Chromium's --type=, else 'node'). */
async function cpuByProcess(root) {
  const tick = 100; // USER_HZ on Linux
  const table = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split(/[\0 ]/); // Chromium rewrites its command line as one space-separated string
      table.set(Number(name), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / tick, cmd });
    } catch { /* gone */ }
  }
  const out = {};
  const visit = (pid, inside) => {
    const p = table.get(pid);
    if (!p) return;
    if (inside && p.cmd[0]) {
      const type = p.cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? (/chrom/.test(p.cmd[0]) ? 'browser' : 'node');
      const sub = p.cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).replace(/^.*\./, '');
      const key = sub ? `${type} (${sub})` : type;
      out[key] = (out[key] ?? 0) + p.cpu;
    }
    for (const [child, c] of table) if (c.ppid === pid) visit(child, true);
  };
  // Not `root` itself (this script): its children, the dev server and Chromium, and theirs.
  visit(root, false);
  return out;
}

/** Self time per function (name + url:line), in ms, from a V8 .cpuprofile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const ms = (dt[i + 1] ?? 0) / 1000;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*?\/(src|server|node_modules|bench|components)\//, '$1/').replace(/\?.*$/, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  }
  return { total, rows: [...self].sort((a, b) => b[1] - a[1]) };
}

function print(title, profile, requests) {
  const { total, rows } = selfTimes(profile);
  const idle = rows.filter(([k]) => /^\((idle|program|garbage collector)\)/.test(k)).reduce((a, [, ms]) => a + ms, 0);
  console.log(`\n## ${title}: ${(total / 1000).toFixed(1)} s sampled, ${((total - idle) / requests).toFixed(2)} ms busy per request (idle/program/GC rows included below)`);
  for (const [k, ms] of rows.slice(0, TOP)) console.log(`${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

function printCpu(before, after, requests) {
  console.log('\nCPU ms per request by process (user + system, whole process, all threads):');
  let sum = 0;
  for (const [k, v] of Object.entries(after)) {
    const ms = ((v - (before[k] ?? 0)) * 1000) / requests;
    sum += ms;
    if (ms >= 0.005) console.log(`${ms.toFixed(2).padStart(7)}  ${k === 'node' ? 'dev server + reference Dashboard (node)' : `chromium ${k}`}`);
  }
  console.log(`${sum.toFixed(2).padStart(7)}  total`);
}

/** The import in a Chromium with no DevTools client: the page and this script talk through a mailbox world's keys. */
async function runRaw(origin) {
  const call = async (method, path, body) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { authorization: 'Bearer admin-token', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json();
  };
  const { baseUrl } = await call('POST', '/api/__dev/worlds', { seed: 'empty' });
  const { unit } = await call('GET', `${baseUrl}/session`);
  const read = async (name) => (await call('GET', `${baseUrl}/units/${unit.id}/keys`)).items.find((k) => k.key === name)?.value;
  const until = async (name) => {
    for (;;) {
      const value = await read(name);
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const profileDir = await mkdtemp(`${tmpdir()}/profile-chromium-`);
  const query = new URLSearchParams({ mailbox: baseUrl, unit: unit.id, divisor: String(divisor), concurrency: String(concurrency) });
  const chrome = spawn(chromiumLaunchOptions().executablePath, [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profileDir}`, `${origin}/bench/profile.html?${query}`], { stdio: 'ignore' });
  try {
    await until('prepared');
    const before = await cpuByProcess(process.pid);
    await call('PUT', `${baseUrl}/units/${unit.id}/keys/go`, { value: 'yes', secret: false });
    const result = JSON.parse(await until('result'));
    const after = await cpuByProcess(process.pid);
    if (result.error) throw new Error(result.error);
    const { wallMs, requests } = result;
    console.log(`import of 1/${divisor} of the large seed, concurrency ${concurrency}, 0 ms latency, no DevTools client attached`);
    console.log(`wall ${(wallMs / 1000).toFixed(1)} s, ${requests} requests, ${(wallMs / requests).toFixed(2)} ms wall per request`);
    console.log('(the mailbox polls, 4 a second, are in these figures)');
    printCpu(before, after, requests);
  } finally {
    chrome.kill();
    await new Promise((r) => setTimeout(r, 500));
    await rm(profileDir, { recursive: true, force: true });
  }
}

let code = 0;
try {
  for (let i = 0; ; i++) {
    try { await fetch(`http://localhost:${port}/bench/index.html`); break; } catch { if (i > 300) throw new Error('dev server did not start'); }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (raw) {
    await runRaw(`http://localhost:${port}`);
    throw 'done';
  }
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error(`[page] ${m.text()}`); });
  page.on('pageerror', (e) => console.error(`[page] ${e}`));
  // bench/index.html without ?bench= runs nothing; the module below installs the two entry points.
  await page.goto(`http://localhost:${port}/bench/profile.html`);
  await page.waitForFunction(() => typeof window.profileImport === 'function');
  const { counts } = await page.evaluate(([d, c]) => window.profilePrepare(d, c), [divisor, concurrency]);
  console.log(`import of 1/${divisor} of the large seed (${JSON.stringify(counts)}), concurrency ${concurrency}, 0 ms latency`);

  if (unprofiled) {
    const before = await cpuByProcess(process.pid);
    const { wallMs, requests } = await page.evaluate(() => window.profileImport());
    const after = await cpuByProcess(process.pid);
    console.log(`through Playwright, no profiler: wall ${(wallMs / 1000).toFixed(1)} s, ${requests} requests, ${(wallMs / requests).toFixed(2)} ms wall per request`);
    printCpu(before, after, requests);
    await browser.close();
    throw 'done';
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const node = await nodeSession();
  await node.send('Profiler.enable');
  await node.send('Profiler.setSamplingInterval', { interval: 500 });
  await node.send('Profiler.start');
  await cdp.send('Profiler.start');
  const cpuBefore = await cpuByProcess(process.pid);
  const { wallMs, requests } = await page.evaluate(() => window.profileImport());
  const cpuAfter = await cpuByProcess(process.pid);
  const { profile: browserProfile } = await cdp.send('Profiler.stop');
  const { profile: serverProfile } = await node.send('Profiler.stop');
  node.close();
  console.log(`wall ${(wallMs / 1000).toFixed(1)} s, ${requests} requests, ${(wallMs / requests).toFixed(2)} ms wall per request`);
  printCpu(cpuBefore, cpuAfter, requests);
  print('browser (page main thread)', browserProfile, requests);
  print('server (dev server + reference Dashboard, one node process)', serverProfile, requests);
  await mkdir('test-results/profile', { recursive: true });
  await writeFile('test-results/profile/browser.cpuprofile', JSON.stringify(browserProfile));
  await writeFile('test-results/profile/server.cpuprofile', JSON.stringify(serverProfile));
  await browser.close();
} catch (error) {
  if (error !== 'done') {
    console.error(error);
    code = 1;
  }
} finally {
  server.kill();
}
process.exit(code);
