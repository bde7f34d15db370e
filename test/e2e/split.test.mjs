// The split standalone build (scripts/esbuild-shared.mjs, standaloneBuilds) on plain pages under the strict CSP:
// before the first step a page fetches only the entry and its static imports (≤ 55 KiB gz for the element), the
// Swedish catalog only on a Swedish page, the panels when their step opens; an export and an import still work; a
// chunk that cannot be fetched gives CHUNK_LOAD_FAILED in the page's language and sends no Dashboard request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { standaloneBuilds } from '../../scripts/esbuild-shared.mjs';
import { startEmbedServer } from './embed-kit.mjs';
import { STRICT_CSP, openCheckedPage } from './server.mjs';

const PASSWORD = 'split-build-password-7';
/** The limit of the issue: what a page downloads before `<dashboard-backup>` shows its first step. */
const FIRST_LOAD_LIMIT = 55 * 1024;
const EN = {
  error: 'A part of the backup tool could not be downloaded',
};
const SV = {
  warning: 'Innan du börjar',
  error: 'En del av säkerhetskopieringsverktyget kunde inte hämtas',
};

const page = (lang, body, script = 'dashboard-backup') => ({
  csp: STRICT_CSP,
  html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Split</title><link rel="icon" href="data:,">
<script type="module" src="/assets/${script}.min.js"></script></head><body>${body}</body></html>`,
});
const PAGES = {
  '/en.html': page('en', '<dashboard-backup no-reload unit="south-news"></dashboard-backup>'),
  '/sv.html': page('sv', '<dashboard-backup no-reload unit="south-news"></dashboard-backup>'),
  '/north.html': page('en', '<dashboard-backup no-reload unit="north-news"></dashboard-backup>'),
  '/inspector.html': page('en', '<backup-inspector></backup-inspector>', 'backup-inspector'),
};

/** The files of the built folder that `file` imports statically (not by `import()`), transitively, itself included. */
async function staticClosure(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = await readFile(join(dir, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  // Minified static imports: `import{a as b}from"./chunks/x.js"` or `import"./chunks/x.js"`; never `import("…")`.
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*"(\.\.?\/[^"]+)"/g)) {
    const target = new URL(m[1], `http://x/${base}`).pathname.slice(1);
    await staticClosure(dir, target, seen);
  }
  return seen;
}

const gzSize = async (dir, files) => {
  let total = 0;
  for (const f of files) total += gzipSync(await readFile(join(dir, f)), { level: 9 }).length;
  return total;
};

describe('the split standalone build', { timeout: 240_000 }, () => {
  let pkg;
  let out;
  let server;
  let browser;

  before(async () => {
    pkg = await mkdtemp(join(tmpdir(), 'split-'));
    out = join(pkg, 'dist', 'standalone');
    await mkdir(out, { recursive: true });
    for (const options of standaloneBuilds()) await build({ ...options, outdir: out, logLevel: 'error' });
    server = await startEmbedServer(pkg, PAGES);
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (pkg) await rm(pkg, { recursive: true, force: true });
  });

  /** A signed-in admin's page at `path` that records every script and API request it makes. */
  async function open(path, { block } = {}) {
    const checked = await openCheckedPage(browser, { acceptDownloads: true }, { ignoreConsole: /Failed to load resource/ });
    const { context, page } = checked;
    const response = await context.request.post(`${server.origin}/api/login`, { data: { user: 'admin', unit: 'south-news' } });
    assert.equal(response.status(), 200, 'signed in');
    const scripts = [];
    const api = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/')) scripts.push(url.pathname.slice('/assets/'.length));
      if (url.pathname.startsWith('/api/')) api.push(`${r.method()} ${url.pathname}`);
    });
    if (block) await page.route(`**/assets/chunks/${block}-*.js`, (route) => route.abort('blockedbyclient'));
    await context.addInitScript(() => {
      window.__errors = [];
      document.addEventListener('backup-error', (e) => window.__errors.push(e.detail));
    });
    await page.goto(`${server.origin}${path}`);
    return { ...checked, scripts, api };
  }

  it('fetches only the entry and its static imports before the first step, within 55 KiB gz; no Swedish', async () => {
    const { context, page, scripts, checkClean } = await open('/en.html');
    await page.getByRole('heading', { name: 'Before you start' }).waitFor();
    const expected = await staticClosure(out, 'dashboard-backup.min.js');
    assert.deepEqual(new Set(scripts), expected, `first load: ${[...expected].join(', ')}`);
    assert.ok(!scripts.some((s) => /chunks\/(sv|backup-(export|import|resume)-panel)-/.test(s)), 'no catalog or panel yet');
    const size = await gzSize(out, expected);
    assert.ok(size <= FIRST_LOAD_LIMIT, `first load ${(size / 1024).toFixed(1)} KiB gz ≤ 55`);
    // Every chunk lives beside the entry, under chunks/.
    assert.ok([...expected].filter((f) => f !== 'dashboard-backup.min.js').every((f) => f.startsWith('chunks/')));
    await checkClean();
    await context.close();
  });

  it('exports, then imports that file, from the split build; each panel is fetched when its step opens', async () => {
    const { context, page, scripts, checkClean } = await open('/en.html');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Export South News' }).waitFor();
    assert.ok(scripts.some((s) => s.startsWith('chunks/backup-export-panel-')), 'the export panel came with Continue');
    assert.ok(!scripts.some((s) => s.startsWith('chunks/backup-import-panel-')), 'the import panel is not fetched yet');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm the password').fill(PASSWORD);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const file = join(pkg, 'south-news.dashboard-backup'); // kept: a context's downloads go with it
    await (await downloading).saveAs(file);
    await page.getByRole('heading', { name: 'Backup ready' }).waitFor();
    assert.ok(!scripts.some((s) => s.startsWith('chunks/backup-import-panel-')), 'the import panel is still not fetched');
    assert.ok(!scripts.some((s) => s.startsWith('chunks/backup-recovery-key-')), 'no recovery key asked for, none fetched');
    await checkClean();
    await context.close();

    // Into another unit, as in the demo (the same unit's own backup would change nothing).
    const north = await open('/north.html');
    await north.page.getByRole('button', { name: 'Continue' }).click();
    await north.page.getByRole('tab', { name: 'Import' }).click();
    await north.page.getByRole('heading', { name: 'Import a backup into North News' }).waitFor();
    assert.ok(north.scripts.some((s) => s.startsWith('chunks/backup-import-panel-')), 'the import panel came with its tab');
    await importFile(north.page, file);
    assert.ok(!north.scripts.some((s) => s.startsWith('chunks/sv-')), 'an English page never fetched Swedish');
    await north.checkClean();
    await north.context.close();
  });

  async function importFile(page, file) {
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByLabel('Password of the backup').fill(PASSWORD);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('heading', { name: 'Review before importing' }).waitFor();
    await page.getByLabel('Type North News to confirm').fill('North News');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 120_000 });
  }

  it('fetches the Swedish catalog for a Swedish page, and speaks Swedish', async () => {
    const { context, page, scripts, checkClean } = await open('/sv.html');
    await page.getByRole('heading', { name: SV.warning }).waitFor();
    assert.ok(scripts.some((s) => s.startsWith('chunks/sv-')), 'the Swedish catalog was fetched');
    await checkClean();
    await context.close();
  });

  for (const [path, panel, open_, sentence] of [
    ['/en.html', 'backup-import-panel', async (p) => {
      await p.getByRole('button', { name: 'Continue' }).click();
      await p.getByRole('heading', { name: 'Export South News' }).waitFor();
      await p.getByRole('tab', { name: 'Import' }).click();
    }, EN.error],
    ['/sv.html', 'backup-export-panel', async (p) => {
      await p.getByRole('heading', { name: SV.warning }).waitFor();
      await p.locator('dashboard-backup').getByRole('button').first().click();
    }, SV.error],
  ]) {
    it(`a blocked ${panel} chunk gives CHUNK_LOAD_FAILED (${path}) and sends no Dashboard request`, async () => {
      const { context, page, api, checkClean } = await open(path, { block: panel });
      await page.locator('dashboard-backup [part="heading"], dashboard-backup h3').first().waitFor();
      const before = api.length;
      await open_(page);
      const alert = page.locator('dashboard-backup').getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('data-code'), 'CHUNK_LOAD_FAILED');
      assert.match(await alert.innerText(), new RegExp(`^${sentence}`));
      const errors = await page.evaluate(() => window.__errors);
      assert.deepEqual(errors.map((e) => e.code), ['CHUNK_LOAD_FAILED']);
      assert.deepEqual(api.slice(before), [], 'no request to the Dashboard after the chunk failed');
      await checkClean();
      await context.close();
    });
  }

  it('the inspector fetches only its entry and static imports, never Swedish on an English page', async () => {
    const { context, page, scripts, checkClean } = await open('/inspector.html');
    await page.getByRole('heading', { name: 'Open a backup' }).waitFor();
    const expected = await staticClosure(out, 'backup-inspector.min.js');
    assert.deepEqual(new Set(scripts), expected);
    await checkClean();
    await context.close();
  });

  it('puts every chunk beside the entries, under chunks/', async () => {
    const top = (await readdir(out)).filter((f) => f.endsWith('.js')).sort();
    assert.deepEqual(top, ['backup-inspector.min.js', 'dashboard-backup.min.js', 'index.min.js']);
    assert.ok((await readdir(join(out, 'chunks'))).some((f) => f.startsWith('sv-')));
  });
});
