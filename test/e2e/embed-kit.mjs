// Helpers of test/e2e/embed.test.mjs: the package as an embedder receives it (built once, `npm pack`ed, extracted),
// a static server for pages that load it next to the reference Dashboard, and consumer projects that install it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { loadServer } from '../../scripts/load-server.mjs';
import { ROOT } from './server.mjs';

export const run = promisify(execFile);

/** Runs npm with `args` in `cwd`; resolves to its output. */
export function npm(args, cwd) {
  return run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Builds the package, packs it with `npm pack` and extracts the tarball.
 * @returns `dir` (a temporary directory), `tarball` (its path) and `pkg` (the extracted package root).
 */
export async function buildAndPack() {
  // EMBED_REUSE_DIST=1 packs dist/ as it is, when iterating on these tests.
  if (!process.env.EMBED_REUSE_DIST) await run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const dir = await mkdtemp(join(tmpdir(), 'embed-'));
  const { stdout } = await npm(['pack', '--json', '--pack-destination', dir], ROOT);
  const tarball = join(dir, JSON.parse(stdout)[0].filename);
  await run('tar', ['-xzf', tarball, '-C', dir]);
  return { dir, tarball, pkg: join(dir, 'package') };
}

/**
 * A project directory whose node_modules holds the package (extracted from `tarball`: a copy, since Node and tsc
 * resolve a symlink's dependencies from its real path) and symlinks to this repository's installed copies of its
 * dependencies (and `extra` ones, e.g. '@types/node'): resolution as in an app, without a registry.
 */
export async function linkedProject(parent, name, tarball, extra = []) {
  const dir = join(parent, name);
  const pkg = join(dir, 'node_modules', 'dashboard-backup');
  await mkdir(pkg, { recursive: true });
  await mkdir(join(dir, 'node_modules', '@types'), { recursive: true });
  await mkdir(join(dir, 'node_modules', '@lit'), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  const manifest = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8'));
  const names = [...Object.keys(manifest.dependencies), 'lit-html', 'lit-element', '@lit/reactive-element', ...extra];
  for (const name of names) await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  return dir;
}

/**
 * The consumer app (test/consumers/vite: a Vite 8 app, vanilla TS and React 19 + TS, with its own lockfile) copied
 * into `packed.dir`, installed with `npm ci` (the registry only here) plus the packed tarball. Installed once per
 * packing, shared by the README snippet checks and the Vite builds.
 * @returns the app's directory.
 */
export function consumerApp(packed) {
  installs.set(packed, installs.get(packed) ?? installConsumerApp(packed));
  return installs.get(packed);
}
const installs = new Map();

async function installConsumerApp({ dir, tarball }) {
  const app = join(dir, 'consumer-app');
  await cp(join(ROOT, 'test/consumers/vite'), app, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
  await npm(['ci', '--no-audit', '--no-fund'], app);
  await npm(['install', '--no-save', '--no-audit', '--no-fund', tarball], app);
  return app;
}

const TYPES = {
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
};

/**
 * Serves `pages` (path → HTML), the extracted package under /assets/ (its dist/standalone files, as the README
 * copies them) and /node_modules/dashboard-backup/, the repository's node_modules under /node_modules/, and the
 * reference Dashboard under /api; `files` (path → JavaScript text) are served as they are. With `app`
 * (`{ root, csp }`, e.g. a built app's dist/), a file under `root` is served first, its HTML under `csp`.
 * @returns `origin`, `port` and `close()`.
 */
export async function startEmbedServer(pkg, pages, files = {}, app = undefined) {
  const { createReferenceDashboard } = await loadServer();
  const dashboard = createReferenceDashboard();
  const roots = [
    ['/assets/', join(pkg, 'dist', 'standalone')],
    ['/node_modules/dashboard-backup/', pkg],
    ['/node_modules/', join(ROOT, 'node_modules')],
  ];
  const server = createServer(async (req, res) => {
    try {
      if (await dashboard.handle(req, res)) return;
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (pages[path]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': pages[path].csp });
        res.end(pages[path].html);
        return;
      }
      if (files[path]) {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(files[path]);
        return;
      }
      const built = app && normalize(join(app.root, path));
      if (built && built.startsWith(app.root + sep) && existsSync(built) && extname(built)) {
        const type = TYPES[extname(built)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? { 'content-security-policy': app.csp } : {}) });
        res.end(await readFile(built));
        return;
      }
      const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? [];
      const file = root && normalize(join(root, path.slice(prefix.length)));
      if (!file || !file.startsWith(root + sep) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch (error) {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address();
  return { origin: `http://localhost:${port}`, port, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Opens `origin + path` in a fresh context signed in as South News's admin, recording Content-Security-Policy
 * violations and page errors; `check()` asserts there were none. The caller closes `context`.
 */
export async function openAdminPage(browser, origin, path) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const login = await context.request.post(`${origin}/api/login`, { data: { user: 'admin', unit: 'south-news' } });
  assert.equal(login.status(), 200);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${origin}${path}`);
  const check = async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
    assert.deepEqual(problems, [], 'no page error');
  };
  return { context, page, check };
}

/** The fenced code blocks of a Markdown text: `{ lang, code, line }`. */
export function fencedBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ lang: open[1], code: body.join('\n') + '\n', line: start + 1 });
  }
  return blocks;
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
