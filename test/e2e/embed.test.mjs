// The package as an embedder gets it from the registry: built once, `npm pack`ed and extracted, then checked from
// the tarball's own files — package metadata, every link of the shipped docs, the manifest (custom-elements.json),
// the API's declarations without the DOM lib, the API in Node (no `location`), and a page that is not a secure
// context; then README.md's snippets, compiled and run as written (readme-checks.mjs), and a Vite app built with
// them (vite-checks.mjs), and the offline inspector page from file:// (offline-checks.mjs), from the same tarball.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT } from './server.mjs';
import { buildAndPack, headingAnchor, linkedProject, run, startEmbedServer } from './embed-kit.mjs';
import { describeReadme } from './readme-checks.mjs';
import { describeVite } from './vite-checks.mjs';
import { describeOfflineInspector } from './offline-checks.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/** Every Markdown file of the extracted package, relative paths. */
async function markdownFiles(dir, base = dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await markdownFiles(path, base)));
    else if (entry.name.endsWith('.md')) found.push(relative(base, path));
  }
  return found;
}

describe('the packed package', { timeout: 300_000 }, () => {
  let packed;

  before(async () => {
    packed = await buildAndPack();
  });

  after(async () => {
    if (packed) await rm(packed.dir, { recursive: true, force: true });
  });

  it('names its repository, homepage and issue tracker', async () => {
    const manifest = JSON.parse(await readFile(join(packed.pkg, 'package.json'), 'utf8'));
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/.+\.git$/);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\/.+\/issues$/);
  });

  it('every link of the shipped docs resolves inside the package or is an absolute URL', async () => {
    const files = await markdownFiles(packed.pkg);
    assert.ok(files.includes('README.md') && files.includes('docs/format.md'), `shipped docs: ${files.join(', ')}`);
    const anchors = new Map();
    const anchorsOf = async (file) => {
      if (!anchors.has(file)) {
        const text = await readFile(join(packed.pkg, file), 'utf8');
        anchors.set(file, new Set([...text.matchAll(/^#+\s+(.+)$/gm)].map((m) => headingAnchor(m[1]))));
      }
      return anchors.get(file);
    };
    let checked = 0;
    for (const file of files) {
      const text = (await readFile(join(packed.pkg, file), 'utf8')).replace(/^```[\s\S]*?^```/gm, '');
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)|^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? m[2]);
      for (const target of targets) {
        checked++;
        if (/^(https?|mailto):/.test(target)) continue;
        const [path, anchor] = target.split('#');
        const resolved = path ? join(dirname(file), path) : file;
        assert.ok(!resolved.startsWith('..') && existsSync(join(packed.pkg, resolved)), `${file}: ${target} is in the package`);
        if (anchor && resolved.endsWith('.md')) {
          assert.ok((await anchorsOf(resolved)).has(anchor), `${file}: #${anchor} is a heading of ${resolved}`);
        }
      }
    }
    assert.ok(checked > 5, `${checked} links checked`);
  });

  it('custom-elements.json lists the two public elements under shipped files, properties typed with their defaults', async () => {
    const manifest = JSON.parse(await readFile(join(packed.pkg, 'custom-elements.json'), 'utf8'));
    const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => [m.path, d]));
    assert.deepEqual(elements.map(([path, d]) => `${path} ${d.tagName}`).sort(), [
      'dist/backup-inspector.js backup-inspector',
      'dist/dashboard-backup.js dashboard-backup',
    ]);
    for (const module of manifest.modules) {
      assert.ok(existsSync(join(packed.pkg, module.path)), `${module.path} is shipped`);
      for (const e of module.exports ?? []) assert.equal(e.declaration.module, module.path, `${e.name} names its module`);
    }
    for (const [, element] of elements) {
      for (const member of (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy)) {
        assert.ok(member.type?.text, `${element.tagName}.${member.name} has a type`);
        if (member.default !== undefined && !/^(true|false|null|undefined)$/.test(member.default)) {
          assert.doesNotMatch(member.default, /^[A-Za-z_$][\w$]*$/, `${element.tagName}.${member.name}: a value, not a name`);
        }
      }
    }
    const backup = elements.find(([, d]) => d.tagName === 'dashboard-backup')[1];
    const reloadDelay = backup.members.find((m) => m.name === 'reloadDelay');
    assert.deepEqual([reloadDelay.type.text, reloadDelay.default], ['number', '3000']);
    assert.equal(backup.members.find((m) => m.name === 'reload').type.text, '(() => void) | false | undefined');
    const attribute = backup.attributes.find((a) => a.name === 'reload-delay');
    assert.deepEqual([attribute.type.text, attribute.default], ['number', '3000']);
  });

  describeReadme(() => packed);
  describeVite(() => packed);
  describeOfflineInspector(() => packed);

  describe('against the reference Dashboard', () => {
    let server;
    let browser;
    const pages = {
      '/plain.html': {
        csp: CSP,
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title><link rel="icon" href="data:,">
<script type="module" src="/assets/dashboard-backup.min.js"></script></head>
<body><dashboard-backup api-base="/api" unit="south-news"></dashboard-backup></body></html>`,
      },
    };

    before(async () => {
      server = await startEmbedServer(packed.pkg, pages);
      // insecure.test is this server too, but not a secure context (only https and localhost are).
      const args = [...chromiumLaunchOptions().args, `--host-resolver-rules=MAP insecure.test 127.0.0.1`];
      browser = await chromium.launch(chromiumLaunchOptions({ args }));
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('in Node, TypeScript with no DOM lib (the API’s declarations compile): exportUnit without `origin` (no `location`), openBackup, then planImport of that file', async () => {
      const dir = await linkedProject(packed.dir, 'node-plan', packed.tarball, ['@types/node']);
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'node-plan', private: true, type: 'module' }));
      const compilerOptions = { strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: ['node'], outDir: 'out' };
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['plan.ts'] }));
      await writeFile(
        join(dir, 'plan.ts'),
        `import { createRestClient, decryptBackup, exportUnit, isBackupError, openBackup, planImport } from 'dashboard-backup';
import type { ImportPlan, Manifest, SectionName } from 'dashboard-backup';
const client = createRestClient({ baseUrl: process.argv[2]!, token: () => 'admin-token', credentials: 'omit' });
const { blob, filename } = await exportUnit(client, 'node-plan-password', { iterations: 100_000 });
const opened = await openBackup(blob, 'node-plan-password');
const manifest: Manifest = opened.payload.manifest;
const wrong = await decryptBackup(new Uint8Array(await blob.arrayBuffer()), 'not it').catch((e: unknown) => isBackupError(e) && e.code);
const plan: ImportPlan = await planImport(client, opened);
const sections = Object.fromEntries(
  Object.entries(plan.sections).map(([name, s]) => [name as SectionName, [s.delete.length, s.create.length, s.identical.length]]),
);
console.log(JSON.stringify({ filename, origin: manifest.origin, wrong, target: plan.target.id, sameUnit: plan.sameUnit, sameOrigin: plan.sameOrigin, unwritable: plan.unwritable.length, sections, current: plan.current }));
`,
      );
      await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: dir }).catch((error) => {
        assert.fail(`plan.ts without the DOM lib:\n${error.stdout}${error.stderr}`);
      });
      const { stdout } = await run(process.execPath, [join(dir, 'out/plan.js'), `${server.origin}/api`], { cwd: dir });
      const plan = JSON.parse(stdout);
      assert.match(plan.filename, /^south-news-.*\.dashboard-backup$/);
      assert.equal(plan.origin, 'null', 'no location: the opaque origin');
      assert.equal(plan.wrong, 'WRONG_PASSWORD');
      assert.deepEqual([plan.target, plan.sameUnit, plan.sameOrigin, plan.unwritable], ['south-news', true, true, 0]);
      // The backup was just taken from this very unit: nothing to delete or create, everything identical.
      assert.deepEqual(Object.keys(plan.sections).sort(), ['keys', 'plugins', 'profiles', 'workspaces']);
      for (const [name, [deleted, created, identical]] of Object.entries(plan.sections)) {
        assert.deepEqual([deleted, created, identical], [0, 0, plan.current[name]], `${name}: all identical`);
      }
      assert.ok(plan.current.plugins > 0, 'the unit is not empty');
    });

    it('not a secure context: the element says to use https instead of asking for passwords; the API refuses first', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://insecure.test:${server.port}/plain.html`);
      // Signed in from the page: Playwright's own requests do not use the browser's host rules.
      await page.evaluate(() =>
        fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user":"admin","unit":"south-news"}' }),
      );
      await page.reload();
      assert.equal(await page.evaluate(() => window.isSecureContext), false);
      const alert = page.locator('dashboard-backup').getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /secure connection: open this Dashboard page over https:\/\//);
      assert.equal(await page.locator('dashboard-backup input').count(), 0, 'no field takes a password');
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const code = await page.evaluate(async () => {
        const api = await import('/assets/index.min.js');
        return api.exportUnit(api.createRestClient(), 'a password').then(() => 'exported', (e) => e.code);
      });
      assert.equal(code, 'INSECURE_CONTEXT');
      assert.deepEqual(requests.filter((url) => url.includes('/api/')), [], 'refused before any request');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
});
