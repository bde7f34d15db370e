// The package as others embed it: runs `npm run build`, then checks what an embedder gets — publint is clean, every
// path of the exports map exists, the declarations type-check an embedder's code through the exports map, the
// manifest (custom-elements.json) describes both elements, the ESM build imports only the declared dependencies and
// works from node, and plain static pages under a strict Content-Security-Policy that load nothing but
// dist/standalone/dashboard-backup.min.js (or dist/dashboard-backup.js through an import map) show the warning step
// and, for an admin, export a backup; a page that loads dist/standalone/backup-inspector.min.js, and dist/inspect.html
// served statically, open a backup with every connection forbidden.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
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
/** The golden unit vector: a real export of the small seed (test/fixtures). */
const GOLDEN = JSON.parse(await readFile(join(ROOT, 'test/fixtures/golden-v1.json'), 'utf8')).vectors[2];
const GOLDEN_PLAINTEXT = JSON.parse(await readFile(join(ROOT, 'test/fixtures', GOLDEN.plaintextFile), 'utf8'));

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
    'zod/mini': '/node_modules/zod/mini/index.js',
    'zod/v4/locales/': '/node_modules/zod/v4/locales/',
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
<script type="module" src="/dist/dashboard-backup.js"></script>
<script type="module" src="/dist/backup-inspector.js"></script></head>
<body><dashboard-backup no-reload></dashboard-backup><backup-inspector></backup-inspector></body></html>`,
  // A policy that forbids workers: the format runs on the page instead.
  '/no-workers.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No workers</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP("'self'")}; worker-src 'none'">
</head><body></body></html>`,
  // The inspector needs no server: the page forbids every connection.
  '/inspector.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inspector</title><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="${CSP("'self'")}; connect-src 'none'">
<script type="module" src="/dist/standalone/backup-inspector.min.js"></script></head>
<body><main><backup-inspector></backup-inspector></main></body></html>`,
};

const TYPES = {
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

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
    // Colour codes stripped: CI may force colour (FORCE_COLOR), which puts escape codes inside publint's words.
    const { stdout } = await run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    buildOutput = stripVTControlCharacters(stdout);
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
    const element = await readFile(join(ROOT, 'dist/types/components/dashboard-backup/dashboard-backup.d.ts'), 'utf8');
    assert.match(element, /'dashboard-backup': DashboardBackup/, 'HTMLElementTagNameMap names the element');
  });

  it('type-checks an embedder’s code against the declarations, through the exports map', async () => {
    // A project of its own with the package installed (a symlink), compiled as Node resolves packages (nodenext),
    // declarations included (no skipLibCheck): broken "types" paths or declarations fail here.
    const dir = await mkdtemp(join(tmpdir(), 'package-types-'));
    try {
      await mkdir(join(dir, 'node_modules'));
      await symlink(ROOT, join(dir, 'node_modules', PACKAGE.name), 'dir');
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'embedder', private: true, type: 'module' }));
      await writeFile(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            lib: ['es2022', 'dom', 'dom.iterable'],
            types: [],
          },
          files: ['app.ts'],
        }),
      );
      await writeFile(
        join(dir, 'app.ts'),
        `import 'dashboard-backup/dashboard-backup.js';
import 'dashboard-backup/backup-inspector.js';
import type { BackupImportDoneDetail, DashboardBackup } from 'dashboard-backup/dashboard-backup.js';
import type { BackupInspector, InspectorOpenDetail } from 'dashboard-backup/backup-inspector.js';
import { createRestClient, isBackupError, type DashboardClient } from 'dashboard-backup';

// The README's custom client.
const client: DashboardClient = createRestClient({
  baseUrl: 'https://dashboard.example.com/api',
  credentials: 'include',
  token: async () => undefined,
  routes: { keys: (unit) => \`/units/\${unit}/config-keys\` },
  concurrency: 4,
  retry: { retries: 3 },
});
const backup: DashboardBackup = document.createElement('dashboard-backup');
backup.client = client;
backup.reload = false;
backup.addEventListener('backup-import-done', (e) => {
  const detail: BackupImportDoneDetail = e.detail;
  console.log(detail.mode, detail.counts.plugins + e.detail.differences);
});
// @ts-expect-error event details are typed: there is no such field
backup.addEventListener('backup-export-done', (e) => e.detail.password);
const inspector: BackupInspector = document.createElement('backup-inspector');
inspector.addEventListener('inspector-open', (e) => {
  const detail: InspectorOpenDetail = e.detail;
  console.log(detail.manifest.unit.id, detail.counts.keys, detail.issues);
});
void inspector.open(new Blob(), 'password');
console.log(isBackupError(new Error('x'), 'WRONG_PASSWORD'));
`,
      );
      await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: dir }).catch((error) => {
        assert.fail(`tsc found errors in the embedder's code:\n${error.stdout}${error.stderr}`);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
    assert.deepEqual(names(backup.events).sort(), ['backup-busy-change', 'backup-error', 'backup-export-done', 'backup-import-done', 'backup-validated']);
    for (const [name, detail] of [
      ['backup-export-done', 'BackupExportDoneDetail'],
      ['backup-validated', 'BackupValidatedDetail'],
      ['backup-import-done', 'BackupImportDoneDetail'],
      ['backup-error', 'BackupErrorDetail'],
      ['backup-busy-change', 'BackupBusyChangeDetail'],
    ]) {
      assert.equal(backup.events.find((e) => e.name === name).type?.text, `CustomEvent<${detail}>`, `${name} names its detail type`);
    }
    for (const member of ['busy', 'operation']) assert.ok(backup.members.find((m) => m.name === member)?.readonly, `read-only ${member}`);
    for (const member of ['client', 'reload']) assert.ok(names(backup.members).includes(member), `property ${member}`);
    assert.ok(names(backup.cssParts).includes('base'));
    assert.ok(names(backup.cssProperties).includes('--dashboard-backup-accent-color'));
    const inspector = elements.get('backup-inspector');
    assert.ok(inspector, 'backup-inspector is listed');
    assert.deepEqual(names(inspector.events).sort(), ['inspector-compare', 'inspector-error', 'inspector-open', 'inspector-rekey', 'inspector-save']);
    const openEvent = inspector.events.find((e) => e.name === 'inspector-open');
    assert.equal(openEvent.type?.text, 'CustomEvent<InspectorOpenDetail>', 'events name their detail type');
    for (const method of ['open', 'compare', 'close']) assert.ok(names(inspector.members).includes(method), `method ${method}()`);
    assert.deepEqual(names(inspector.cssParts).sort(), ['base', 'compare', 'manifest', 'rekey', 'save-warning', 'tree']);
    for (const property of ['--backup-inspector-background', '--backup-inspector-accent', '--backup-inspector-font']) {
      assert.ok(names(inspector.cssProperties).includes(property), `CSS property ${property}`);
    }
  });

  it('starts the format Worker, from every built file that can, at a Worker file inside its own build folder', async () => {
    // Wherever esbuild put src/worker/pool.ts (an entry or a chunk), its `new URL('…format-worker.js',
    // import.meta.url)` must name a file that exists, and within that build's folder: dist/standalone/ copied alone works.
    const starters = [];
    for (const dir of ['dist', 'dist/chunks', 'dist/standalone', 'dist/standalone/chunks']) {
      for (const file of (await readdir(join(ROOT, dir))).filter((f) => f.endsWith('.js') && f !== 'format-worker.js')) {
        const text = await readFile(join(ROOT, dir, file), 'utf8');
        for (const [, url] of text.matchAll(/new URL\(\s*["']([^"']*format-worker\.js)["']\s*,\s*import\.meta\.url/g)) {
          const target = normalize(join(ROOT, dir, url));
          const folder = join(ROOT, dir.startsWith('dist/standalone') ? 'dist/standalone' : 'dist') + sep;
          starters.push(`${dir}/${file}`);
          assert.ok(existsSync(target), `${dir}/${file} starts ${url}, which does not exist`);
          assert.ok(target.startsWith(folder), `${dir}/${file} starts a Worker outside ${folder}`);
        }
      }
    }
    assert.ok(starters.some((f) => f.startsWith('dist/standalone/')) && starters.some((f) => !f.startsWith('dist/standalone/')), `both builds start it: ${starters}`);
  });

  it('imports only its dependencies in the ESM build, and nothing but its own chunks in the standalone build', async () => {
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
    // The entries and their chunks (dist/standalone/chunks/): only relative imports between them.
    const standalone = [
      ...(await readdir(join(ROOT, 'dist/standalone'))).filter((f) => f.endsWith('.js')),
      ...(await readdir(join(ROOT, 'dist/standalone/chunks'))).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`),
    ];
    for (const file of standalone) {
      const text = await readFile(join(ROOT, 'dist/standalone', file), 'utf8');
      assert.deepEqual([...bareImports(text)], [], `${file} is self-contained`);
      assert.doesNotMatch(text, /\{jitless:!0\}/, `${file} leaves zod's global configuration alone`);
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

    /** Opens `path`, signed in as `user` if given; records CSP violations, page errors and console errors. */
    async function openPage(path, user) {
      const context = await browser.newContext({ acceptDownloads: true });
      await context.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        window.__events = [];
        for (const type of ['backup-export-done', 'backup-error', 'inspector-open', 'inspector-error']) {
          document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
        }
      });
      if (user) {
        const response = await context.request.post(`${server.origin}/api/login`, { data: { user, unit: 'south-news' } });
        assert.equal(response.status(), 200, 'signed in');
      }
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
      // The panels arrive in chunks of their own when their step opens (test/e2e/split.test.mjs lists the requests).
      assert.equal(await page.evaluate(() => customElements.get('dashboard-backup') !== undefined), true);
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.equal(await page.getByRole('tab', { name: 'Export' }).getAttribute('aria-selected'), 'true');
      await page.getByRole('heading', { name: 'Export South News' }).waitFor();
      assert.equal(await page.evaluate(() => customElements.get('backup-export-panel') !== undefined), true);
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

    it('ESM build through an import map: the warning step, then the Export tab; the inspector beside it', async () => {
      const { context, page, checkClean } = await openPage('/esm.html', 'admin');
      await page.getByRole('heading', { name: 'Before you start' }).waitFor();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Export South News' }).waitFor();
      // Both entries on one page share the chunks and the dependencies: the inspector works next to the element.
      await page.getByRole('heading', { name: 'Open a backup' }).waitFor();
      await openGolden(page);
      await checkClean();
      await context.close();
    });

    // Each build starts its own copy: dist/standalone/ works copied on its own (README, "The format Worker").
    for (const [path, api, worker] of [
      ['/standalone.html', '/dist/standalone/index.min.js', '/dist/standalone/format-worker.js'],
      ['/esm.html', '/dist/index.js', '/dist/format-worker.js'],
    ]) {
      it(`${api}: compresses a large backup in ${worker} under the strict policy, and reads it back`, async () => {
        const { context, page, checkClean } = await openPage(path, 'admin');
        const result = await page.evaluate(async (url) => {
          const api = await import(url);
          const text = 'x'.repeat(1000) + Math.random();
          const payload = { items: Array.from({ length: 3000 }, (_, i) => ({ i, text: text.slice(i % 500) })) };
          const blob = await api.encryptBackupToBlob(payload, 'worker password', { iterations: api.MIN_ITERATIONS });
          const back = await api.decryptBackupBlob(blob, 'worker password');
          return JSON.stringify(back) === JSON.stringify(payload);
        }, api);
        assert.equal(result, true, 'round trip');
        const workers = page.workers().map((w) => new URL(w.url()).pathname);
        assert.deepEqual(workers, [worker], 'the format Worker ran');
        await checkClean();
        await context.close();
      });
    }

    it('a policy that forbids workers: the same large backup is written and read on the page', async () => {
      const { context, page } = await openPage('/no-workers.html');
      const result = await page.evaluate(async () => {
        const api = await import('/dist/standalone/index.min.js');
        const text = 'y'.repeat(1000) + Math.random();
        const payload = { items: Array.from({ length: 3000 }, (_, i) => ({ i, text: text.slice(i % 500) })) };
        const blob = await api.encryptBackupToBlob(payload, 'no worker password', { iterations: api.MIN_ITERATIONS });
        const back = await api.decryptBackupBlob(blob, 'no worker password');
        return JSON.stringify(back) === JSON.stringify(payload);
      });
      assert.equal(result, true, 'round trip');
      assert.deepEqual(page.workers(), [], 'no Worker ran');
      const violations = await page.evaluate(() => window.__violations);
      assert.ok(violations.length <= 1 && violations.every((v) => v.startsWith('worker-src')), `only the Worker was refused (${violations})`);
      await context.close();
    });

    /** Opens the golden unit vector through the inspector's form; checks the event and the shown counts. */
    async function openGolden(page) {
      await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(join(ROOT, 'test/fixtures', GOLDEN.file));
      await page.locator('backup-inspector').getByLabel('Password or recovery key', { exact: true }).fill(GOLDEN.password);
      await page.getByRole('button', { name: 'Open backup' }).click();
      await page.getByRole('heading', { name: `Backup of ${GOLDEN_PLAINTEXT.manifest.unit.name}` }).waitFor();
      const opened = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'inspector-open');
      const { plugins, workspaces, profiles, keys } = GOLDEN_PLAINTEXT.unit;
      assert.deepEqual(opened.map((e) => e.detail.counts), [
        { plugins: plugins.length, workspaces: workspaces.length, profiles: profiles.length, keys: keys.length },
      ]);
      assert.equal(opened[0].detail.issues, 0, 'a valid backup');
      return page;
    }

    for (const [path, what] of [
      ['/inspector.html', 'standalone inspector script'],
      ['/dist/inspect.html', 'built inspector page served statically'],
    ]) {
      it(`${what}: opens a backup with every connection forbidden, secrets masked`, async () => {
        const { context, page, checkClean } = await openPage(path, 'admin');
        await page.waitForFunction(() => customElements.get('backup-inspector') !== undefined);
        const defined = await page.evaluate(() =>
          ['backup-inspector', 'backup-inspector-opener', 'backup-inspector-tree', 'backup-inspector-diff', 'backup-inspector-pager']
            .filter((t) => !customElements.get(t)),
        );
        assert.deepEqual(defined, [], 'every element is defined');
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        await openGolden(page);
        const secret = GOLDEN_PLAINTEXT.unit.keys.find((k) => k.secret && k.value.length >= 6);
        assert.equal(await page.getByText(secret.value).count(), 0, 'the secret is masked');
        await page.getByRole('button', { name: `Reveal ${secret.key}`, exact: true }).click();
        await page.getByText(secret.value, { exact: true }).waitFor();
        assert.deepEqual(requests, [], 'opening the file made no request');
        await checkClean();
        await context.close();
      });
    }
  });
});
