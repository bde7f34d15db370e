// The package in a real bundler app, from the packed tarball (registered by test/e2e/embed.test.mjs, which builds and
// packs once): test/consumers/vite is a Vite 8 app with Vite's own strict template tsconfig and two pages —
// index.html (vanilla TS: README's "With a bundler" snippet is its src/main.ts) and react.html (React 19 + TS:
// README's two React examples, src/react/panel-*.tsx, rendered side by side). Its snippet files must equal README's
// blocks; `npm run build` (tsc, then `vite build`) must pass; the built pages, served statically under the README's
// strict Content-Security-Policy next to the reference Dashboard, export a backup that the package's own reader opens.
// The install is shared with readme-checks.mjs (consumerApp); only the package's entry points are named, never
// files inside its dist/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT } from './server.mjs';
import { consumerApp, fencedBlocks, npm, openAdminPage, run, startEmbedServer } from './embed-kit.mjs';

const README = await readFile(join(ROOT, 'README.md'), 'utf8');
const FIXTURE = 'test/consumers/vite';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
const PASSWORD = 'vite-app-password-5';

/** The app's files that are README snippets: [file, README heading (### level), language, index among its blocks]. */
const SNIPPETS = [
  ['src/main.ts', 'With a bundler', 'ts', 0],
  ['src/react/panel-ref.tsx', 'React', 'tsx', 0],
  ['src/react/panel-props.tsx', 'React', 'tsx', 1],
];

/** The fenced blocks of `lang` in the README section under `### heading` (up to the next heading of level ≤ 3). */
function blocksUnder(heading, lang) {
  const lines = README.split('\n');
  const start = lines.findIndex((l) => l === `### ${heading}`);
  assert.ok(start >= 0, `README.md has a "### ${heading}" section`);
  const length = lines.slice(start + 1).findIndex((l) => /^#{1,3} /.test(l));
  const end = length < 0 ? lines.length : start + 1 + length;
  return fencedBlocks(README).filter((b) => b.lang === lang && b.line > start && b.line <= end);
}

/** Registers the Vite app tests; `packed()` returns what buildAndPack resolved to. */
export function describeVite(packed) {
  describe('a Vite 8 app (vanilla TS and React 19 + TS) built from the packed package', () => {
    let app;
    let server;
    let browser;

    before(async () => {
      app = await consumerApp(packed());
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it("its snippet files are README.md's blocks, as written", async () => {
      for (const [file, heading, lang, index] of SNIPPETS) {
        const block = blocksUnder(heading, lang)[index];
        assert.ok(block, `README.md's "${heading}" section has ${index + 1} ${lang} block(s)`);
        const copy = await readFile(join(ROOT, FIXTURE, file), 'utf8');
        assert.equal(copy, block.code, `${FIXTURE}/${file} must equal README.md line ${block.line}'s block: copy the block into it`);
      }
    });

    it('`npm run build`: strict tsc, then vite build of both pages', async () => {
      await npm(['run', 'build'], app).catch((error) => assert.fail(`the app does not build:\n${error.stdout}${error.stderr}`));
      for (const page of ['index.html', 'react.html']) assert.ok(existsSync(join(app, 'dist', page)), `dist/${page} built`);
      server = await startEmbedServer(packed().pkg, {}, {}, { root: join(app, 'dist'), csp: CSP });
      browser = await chromium.launch(chromiumLaunchOptions());
    });

    /** Opens a built page as a signed-in admin; `check()` asserts no CSP violation and no page error. */
    async function openBuilt(path) {
      assert.ok(server && browser, 'the app was built');
      return openAdminPage(browser, server.origin, path);
    }

    /** Exports from `element` (a locator of one <dashboard-backup>); returns the download's path. */
    async function exportFrom(page, element) {
      await element.getByRole('heading', { name: 'Before you start' }).waitFor();
      await element.getByRole('button', { name: 'Continue' }).click();
      await element.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await element.getByLabel('Confirm the password').fill(PASSWORD);
      const downloading = page.waitForEvent('download');
      await element.getByRole('button', { name: 'Export', exact: true }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^south-news-.*\.dashboard-backup$/);
      await element.getByRole('heading', { name: 'Backup ready' }).waitFor();
      return download.path();
    }

    /** Opens `file` with the password through the app's installed package (its main entry), in Node. */
    async function openWithPackage(file) {
      const script = `import { openBackup } from 'dashboard-backup';
import { readFile } from 'node:fs/promises';
const { payload } = await openBackup(new Blob([await readFile(process.argv[1])]), process.argv[2]);
console.log(JSON.stringify({ unit: payload.manifest.unit.id, plugins: payload.unit.plugins.length }));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, file, PASSWORD], { cwd: app });
      return JSON.parse(stdout);
    }

    it('vanilla TS page: an admin exports a backup that opens with the password, no CSP violation', async () => {
      const { context, page, check } = await openBuilt('/index.html');
      try {
        const file = await exportFrom(page, page.locator('dashboard-backup'));
        const opened = await openWithPackage(file);
        assert.equal(opened.unit, 'south-news');
        assert.ok(opened.plugins > 0, 'the backup holds the unit');
        await check();
      } finally {
        await context.close();
      }
    });

    it('React page: both examples get their client (ref, and React 19 props); one exports, no CSP violation', async () => {
      const { context, page, check } = await openBuilt('/react.html');
      try {
        const [withRef, withProps] = ['#ref', '#props'].map((id) => page.locator(`${id} dashboard-backup`));
        await withRef.getByRole('heading', { name: 'Before you start' }).waitFor();
        const file = await exportFrom(page, withProps);
        const calls = await page.evaluate(() => window.clientCalls);
        for (const panel of ['ref', 'props']) assert.ok(calls[panel].includes('getSession'), `the ${panel} example's element used its client`);
        assert.ok(calls.props.includes('listPlugins'), 'the export read through the client given as a prop');
        assert.equal((await openWithPackage(file)).unit, 'south-news');
        await check();
      } finally {
        await context.close();
      }
    });
  });
}
