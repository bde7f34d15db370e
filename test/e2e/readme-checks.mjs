// README.md's snippets, as written, against the packed package (registered by test/e2e/embed.test.mjs, which builds
// and packs once): every ```ts / ```tsx block type-checks in a strict app (vanilla TS with the DOM and Node types,
// and React 19 + TS) — test/consumers/vite, installed once with `npm ci` plus the tarball and shared with the Vite
// builds (vite-checks.mjs); every ```html block is served as a page under the strict Content-Security-Policy the
// README recommends (with the import map's hash where it has one) and loaded in Chromium, where each page with the
// element exports a backup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT } from './server.mjs';
import { consumerApp, fencedBlocks, openAdminPage, run, startEmbedServer } from './embed-kit.mjs';

const README = await readFile(join(ROOT, 'README.md'), 'utf8');
const BLOCKS = fencedBlocks(README);
const STRICT = (scriptSrc) =>
  `default-src 'self'; script-src ${scriptSrc}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'`;
const PASSWORD = 'readme-test-password-3';

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  moduleDetection: 'force',
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: false,
};

/** The page HTML of a README ```html block, and the policy it is served with (the inline import map's hash). */
function pageOf(block) {
  const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(block.code);
  const hash = map && `'sha256-${createHash('sha256').update(map[1]).digest('base64')}'`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README line ${block.line}</title>
<link rel="icon" href="data:,"></head><body>
${block.code}</body></html>`;
  return { html, csp: STRICT(hash ? `'self' ${hash}` : "'self'") };
}

/** Registers the README tests; `packed()` returns what buildAndPack resolved to. */
export function describeReadme(packed) {
  describe('README.md snippets, as written', () => {
    it('has the snippets the tests below check', () => {
      assert.doesNotMatch(README, /^```\w*[^\w\n].*$/m, 'every fence stands on a line of its own');
      const langs = BLOCKS.map((b) => b.lang);
      for (const lang of ['ts', 'tsx', 'html']) assert.ok(langs.includes(lang), `a ${lang} block`);
    });

    it('type-checks every ts and tsx block in a strict app (vanilla TS, and React 19) with the packed package installed', async () => {
      const app = await consumerApp(packed());
      // One program per snippet: a declaration one snippet loads (say the JSX typings) must not make another compile.
      // Those skip checking the declarations (skipLibCheck), which one program of every snippet does once.
      const OPTIONS = {
        ts: { lib: ['es2022', 'dom', 'dom.iterable'], types: ['node'] }, // vanilla TS; `node` for the Node.js snippet
        tsx: { lib: ['es2022', 'dom', 'dom.iterable'], types: [], jsx: 'react-jsx' }, // React 19 (@types/react)
      };
      const snippets = BLOCKS.filter((b) => b.lang === 'ts' || b.lang === 'tsx');
      assert.ok(snippets.filter((b) => b.lang === 'tsx').length >= 2 && snippets.length >= 5, 'the React and TS snippets');
      const configs = [];
      const all = [];
      for (const block of snippets) {
        const name = `readme-line-${block.line}`;
        all.push(`${name}.${block.lang}`);
        await writeFile(join(app, `${name}.${block.lang}`), block.code);
        const compilerOptions = { ...COMPILER_OPTIONS, ...OPTIONS[block.lang], skipLibCheck: true };
        await writeFile(join(app, `${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.${block.lang}`] }));
        configs.push(`${name}.json`);
      }
      const compilerOptions = { ...COMPILER_OPTIONS, ...OPTIONS.tsx, types: ['node'] };
      await writeFile(join(app, 'all.json'), JSON.stringify({ compilerOptions, files: all }));
      // One `tsc --build` of every program: still one program per project (seen: a snippet without the JSX typings
      // fails though another loads them), but the libraries are parsed once, not once per snippet (4× less CPU).
      // Errors name the file, readme-line-<README line>.ts(x); all.json's are the declarations' (no skipLibCheck).
      await run(join(ROOT, 'node_modules/.bin/tsc'), ['--build', ...configs, 'all.json'], { cwd: app }).catch((error) => {
        assert.fail(`README.md snippets that do not compile (file readme-line-N is README.md line N):\n${error.stdout}${error.stderr}`);
      });
    });

    describe('html blocks in Chromium, under the strict policy', () => {
      const pages = {};
      const htmlBlocks = BLOCKS.filter((b) => b.lang === 'html');
      for (const block of htmlBlocks) pages[`/readme-${block.line}.html`] = pageOf(block);
      let server;
      let browser;

      before(async () => {
        // ```js blocks that start with a path comment are files the pages load (e.g. /assets/backup-listeners.js).
        const files = {};
        for (const block of BLOCKS.filter((b) => b.lang === 'js')) {
          const path = /^\/\/ (\/\S+\.js)\n/.exec(block.code)?.[1];
          if (path) files[path] = block.code;
        }
        server = await startEmbedServer(packed().pkg, pages, files);
        browser = await chromium.launch(chromiumLaunchOptions());
      });

      for (const block of htmlBlocks) {
        const exports = block.code.includes('<dashboard-backup');
        it(`line ${block.line}: ${exports ? 'an admin exports a backup' : 'the element is defined'}, no CSP violation`, async () => {
          const { context, page, check } = await openAdminPage(browser, server.origin, `/readme-${block.line}.html`);
          try {
            if (exports) {
              await page.getByRole('heading', { name: 'Before you start' }).waitFor();
              await page.getByRole('button', { name: 'Continue' }).click();
              await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
              await page.getByLabel('Confirm the password').fill(PASSWORD);
              const downloading = page.waitForEvent('download');
              const listener = block.code.includes('backup-listeners.js')
                ? page.waitForEvent('console', { predicate: (m) => m.text().startsWith('saved ') })
                : undefined;
              await page.getByRole('button', { name: 'Export', exact: true }).click();
              assert.match((await downloading).suggestedFilename(), /^south-news-.*\.dashboard-backup$/);
              await page.getByRole('heading', { name: 'Backup ready' }).waitFor();
              if (listener) assert.match((await listener).text(), /^saved south-news-.*\.dashboard-backup \d+$/, 'the listener ran');
            } else {
              for (const tag of block.code.match(/<([a-z]+-[a-z-]+)/g).map((t) => t.slice(1))) {
                await page.waitForFunction((t) => customElements.get(t) !== undefined, tag);
              }
            }
            await check();
          } finally {
            await context.close();
          }
        });
      }

      after(async () => {
        await browser?.close();
        await server?.close();
      });
    });
  });
}
