// The package as others embed it: runs `npm run build`, then checks what an embedder gets — publint is clean, every
// path of the exports map exists, the manifest (custom-elements.json) describes both elements, the ESM build imports
// only the declared dependencies and works from node, and a plain static page that loads nothing but
// dist/standalone/dashboard-backup.min.js (or dist/dashboard-backup.js through an import map), under a strict
// Content-Security-Policy, shows the warning step and, for an admin, exports a backup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { loadServer } from '../../scripts/load-server.mjs';
import { ROOT } from './server.mjs';

const run = promisify(execFile);
const PACKAGE = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const DEPENDENCIES = Object.keys(PACKAGE.dependencies);
const PASSWORD = 'package-test-password-7';
const CSP = (scriptSrc) =>
  `default-src 'self'; script-src ${scriptSrc}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;

/** The importmap that resolves the ESM build's bare imports to the installed dependencies (Lit's production build). */
const IMPORT_MAP = JSON.stringify({
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    zod: '/node_modules/zod/index.js',
    fflate: '/node_modules/fflate/esm/browser.js',
    idb: '/node_modules/idb/build/index.js',
  },
});
const IMPORT_MAP_HASH = `'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`;

/** Plain pages, as an embedder would write them: no bundler, no dev server, the element and a strict CSP. */
const PAGES = {
  '/standalone.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Standalone</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP("'self'")}">
<script type="module" src="/dist/standalone/dashboard-backup.min.js"></script></head>
<body><dashboard-backup no-reload></dashboard-backup></body></html>`,
  '/esm.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ESM</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP(`'self' ${IMPORT_MAP_HASH}`)}">
<script type="importmap">${IMPORT_MAP}</script>
<script type="module" src="/dist/dashboard-backup.js"></script></head>
<body><dashboard-backup no-reload></dashboard-backup></body></html>`,
};

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json', '.css': 'text/css' };

/** A static server for dist/ and node_modules/ with the reference Dashboard mounted under /api. */
async function startStaticServer() {
  const { createReferenceDashboard } = await loadServer();
  const dashboard = createReferenceDashboard();
  const server = createServer(async (req, res) => {
    try {
      if (await dashboard.handle(req, res)) return;
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (PAGES[path]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES[path]);
        return;
      }
      const file = normalize(join(ROOT, path));
      const allowed = [join(ROOT, 'dist') + sep, join(ROOT, 'node_modules') + sep].some((dir) => file.startsWith(dir));
      if (!allowed || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  return { origin: `http://localhost:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Bare specifiers imported by an ES module's text, minified or not (static and dynamic imports, re-exports). */
function bareImports(text) {
  const found = new Set();
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([@a-z][\w@/.-]*)["']/gi)) found.add(m[1]);
  return found;
}

/**
 * Runs an ES module snippet in a fresh node process with the ESM build's API as `api`, and returns what it prints
 * (JSON). A separate process that exits explicitly: the format's scheduler keeps a MessageChannel open, which would
 * keep this test process alive.
 */
async function runWithApi(body, ...args) {
  const code = `const api = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)});
const args = JSON.parse(process.argv[1]);
try { const out = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(out ?? null)); process.exit(0); }
catch (e) { process.stderr.write(String(e?.stack ?? e)); process.exit(1); }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code, JSON.stringify(args)], { cwd: ROOT });
  return JSON.parse(stdout);
}

const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the built package', { timeout: 180_000 }, () => {
  let buildOutput = '';

  before(async () => {
    // Rejects on a non-zero exit code: a failed esbuild, tsc, analyzer or publint step, or a version mismatch.
    buildOutput = (await run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })).stdout;
  });

  it('passes publint --strict (the last step of the build)', () => {
    assert.match(buildOutput, /Running publint[\s\S]*All good!/);
  });

  it('has every file its exports map and "types" name, declarations of the API included', async () => {
    const targets = [PACKAGE.main, PACKAGE.types];
    for (const [key, value] of Object.entries(PACKAGE.exports)) {
      if (typeof value === 'string') {
        if (!key.includes('*')) targets.push(value);
      } else targets.push(...Object.values(value));
    }
    for (const target of targets) assert.ok(existsSync(join(ROOT, target)), `${target} exists`);
    for (const name of ['dashboard-backup', 'backup-inspector', 'index']) {
      assert.ok(existsSync(join(ROOT, 'dist/standalone', `${name}.min.js`)), `dist/standalone/${name}.min.js exists`);
    }
    const index = await readFile(join(ROOT, 'dist/types/src/index.d.ts'), 'utf8');
    for (const name of ['encryptBackup', 'decryptBackupBlob', 'createRestClient', 'DashboardClient', 'exportUnit', 'runImport', 'BackupError', 'Manifest']) {
      assert.match(index, new RegExp(`\\b${name}\\b`), `index.d.ts exports ${name}`);
    }
    const element = await readFile(join(ROOT, 'dist/types/components/dashboard-backup.d.ts'), 'utf8');
    assert.match(element, /'dashboard-backup': DashboardBackup/, 'HTMLElementTagNameMap names the element');
  });

  it('describes both elements in custom-elements.json', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, PACKAGE.customElements), 'utf8'));
    const elements = new Map(
      manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d])),
    );
    const names = (list) => (list ?? []).map((x) => x.name);
    const backup = elements.get('dashboard-backup');
    assert.ok(backup, 'dashboard-backup is listed');
    assert.deepEqual(names(backup.attributes).sort(), ['api-base', 'no-reload', 'reload-delay', 'theme', 'unit']);
    assert.deepEqual(names(backup.events).sort(), ['backup-error', 'backup-export-done', 'backup-import-done', 'backup-validated']);
    for (const member of ['client', 'reload']) assert.ok(names(backup.members).includes(member), `property ${member}`);
    assert.ok(names(backup.cssParts).includes('base'));
    assert.ok(names(backup.cssProperties).includes('--dashboard-backup-accent-color'));
    const inspector = elements.get('backup-inspector');
    assert.ok(inspector, 'backup-inspector is listed');
    assert.deepEqual(names(inspector.events).sort(), ['inspector-compare', 'inspector-error', 'inspector-open', 'inspector-save']);
    assert.ok(names(inspector.members).includes('open'), 'method open()');
  });

  it('imports only its dependencies in the ESM build, and nothing at all in the standalone build', async () => {
    const esm = [
      ...(await readdir(join(ROOT, 'dist'))).filter((f) => f.endsWith('.js')),
      ...(await readdir(join(ROOT, 'dist/chunks'))).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`),
    ];
    const used = new Set();
    for (const file of esm) {
      for (const specifier of bareImports(await readFile(join(ROOT, 'dist', file), 'utf8'))) {
        assert.ok(DEPENDENCIES.includes(packageName(specifier)), `dist/${file} imports ${specifier}, a dependency`);
        used.add(packageName(specifier));
      }
    }
    assert.deepEqual([...used].sort(), [...DEPENDENCIES].sort(), 'every dependency is used');
    for (const file of await readdir(join(ROOT, 'dist/standalone'))) {
      const text = await readFile(join(ROOT, 'dist/standalone', file), 'utf8');
      assert.deepEqual([...bareImports(text)], [], `${file} is self-contained`);
      assert.match(text, /\{jitless:!0\}/, `${file} configures zod for a strict CSP`);
    }
  });

  it('round-trips a payload through the ESM build in node', async () => {
    const result = await runWithApi(
      `const [password] = args;
      const bytes = await api.encryptBackup({ hello: 'world' }, password, { iterations: api.MIN_ITERATIONS });
      const wrong = await api.decryptBackup(bytes, 'not the password').catch((e) => e.code);
      return { payload: await api.decryptBackup(bytes, password), wrong, exports: Object.keys(api).length };`,
      PASSWORD,
    );
    assert.deepEqual(result.payload, { hello: 'world' });
    assert.equal(result.wrong, 'WRONG_PASSWORD');
  });

  describe('on a plain page', () => {
    let server;
    let browser;

    before(async () => {
      server = await startStaticServer();
      browser = await chromium.launch(chromiumLaunchOptions());
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens `path` signed in as `user`; records CSP violations, page errors and console errors. */
    async function openPage(path, user) {
      const context = await browser.newContext({ acceptDownloads: true });
      await context.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        window.__events = [];
        for (const type of ['backup-export-done', 'backup-error']) {
          document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
        }
      });
      const response = await context.request.post(`${server.origin}/api/login`, { data: { user, unit: 'south-news' } });
      assert.equal(response.status(), 200, 'signed in');
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      await page.goto(`${server.origin}${path}`);
      const checkClean = async () => {
        assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
        assert.deepEqual(problems, [], 'no page error');
      };
      return { context, page, checkClean };
    }

    it('standalone script: an admin sees the warning, reaches Export and downloads a backup', async () => {
      const { context, page, checkClean } = await openPage('/standalone.html', 'admin');
      await page.getByRole('heading', { name: 'Before you start' }).waitFor();
      const defined = await page.evaluate(() =>
        ['dashboard-backup', 'backup-export-panel', 'backup-import-panel', 'backup-resume-panel'].filter((t) => !customElements.get(t)),
      );
      assert.deepEqual(defined, [], 'every element is defined');
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.equal(await page.getByRole('tab', { name: 'Export' }).getAttribute('aria-selected'), 'true');
      await page.getByRole('heading', { name: 'Export South News' }).waitFor();
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Confirm the password').fill(PASSWORD);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^south-news-.*\.dashboard-backup$/);
      await page.getByRole('heading', { name: 'Backup ready' }).waitFor();
      const events = await page.evaluate(() => window.__events);
      assert.deepEqual(events.map((e) => e.type), ['backup-export-done']);
      assert.equal(events[0].detail.unit, 'south-news');

      // The file opens with the ESM build's own API, in node, and its manifest names this package's version.
      const manifest = await runWithApi(
        `const [file, password] = args;
        const { readFile } = await import('node:fs/promises');
        const payload = await api.decryptBackup(new Uint8Array(await readFile(file)), password);
        return api.BackupPayload.parse(payload).manifest;`,
        await download.path(),
        PASSWORD,
      );
      assert.equal(manifest.unit.id, 'south-news');
      assert.equal(manifest.appVersion, PACKAGE.version);
      await checkClean();
      await context.close();
    });

    it('standalone script: a plain user is told the backup is for administrators', async () => {
      const { context, page, checkClean } = await openPage('/standalone.html', 'editor');
      await page.getByRole('heading', { name: 'For administrators only' }).waitFor();
      await checkClean();
      await context.close();
    });

    it('ESM build through an import map: the warning step, then the Export tab', async () => {
      const { context, page, checkClean } = await openPage('/esm.html', 'admin');
      await page.getByRole('heading', { name: 'Before you start' }).waitFor();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Export South News' }).waitFor();
      await checkClean();
      await context.close();
    });
  });
});
