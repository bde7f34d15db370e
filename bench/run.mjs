// `npm run bench`: serves the repo with the reference Dashboard, opens each bench/*.bench.ts in headless Chromium,
// and prints the measured tables; then reports the built bundle's size. Figures are measured on every run.
import { spawn } from 'node:child_process';
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

const port = await freePort();
const server = spawn('./node_modules/.bin/wds', ['--config', 'web-dev-server.config.mjs'], {
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let failed = false;
try {
  await waitForServer(`http://localhost:${port}/bench/index.html`);
  const browser = await chromium.launch(
    chromiumLaunchOptions({ args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] }),
  );
  try {
    for (const name of names) {
      console.log(`\n### ${name}`);
      const page = await browser.newPage();
      page.on('console', (m) => { if (m.type() === 'error') console.error(`[page] ${m.text()}`); });
      await page.goto(`http://localhost:${port}/bench/index.html?bench=${name}`);
      await page.waitForFunction(() => window.benchDone, null, { timeout: 30 * 60 * 1000, polling: 500 });
      const done = await page.evaluate(() => window.benchDone);
      if (done.error) {
        failed = true;
        console.error(`bench ${name} failed: ${done.error}`);
      } else {
        for (const table of done.tables) printTable(table);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (only.length === 0 || only.includes('bundle')) await reportBundleSize();
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dev server did not start at ${url}`);
}
