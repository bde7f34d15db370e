// End-to-end: the offline inspector page (inspect.html) opens backup files with the network cut off.
// The page is served by `npm start`'s dev server; once it has loaded, Playwright aborts every request, so opening
// a file must not need any. The built, single-script inspector (dist/inspect.html) runs straight from disk
// (file://) with the browser offline and every request but its own files aborted from the start: it opens the
// golden vectors, a freshly exported file and one of the `large` seed's size, compares two backups and saves JSON.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { buildInspector } from '../../inspect/build.mjs';
import { ROOT, SHOTS, expectAxeClean, gotoStrict, openCheckedPage, startDemoServer } from './server.mjs';

const FRESH_PASSWORD = 'inspector-e2e-password';
/** A key added to the unit before the fresh export, so comparing it with the golden unit vector shows a difference. */
const ADDED_KEY = 'e2e.inspector-added';
/** The `large` seed's size. */
const LARGE = { plugins: 300, workspaces: 2000, profiles: 500, keys: 5000 };
/** Rows per page in the inspector's lists (src/inspect/search.ts PAGE_SIZE). */
const PAGE_SIZE = 50;

async function loadGolden(index) {
  const meta = JSON.parse(await readFile(join(ROOT, 'test/fixtures/golden-v1.json'), 'utf8'));
  const v = meta.vectors[index];
  const text = v.plaintextFile ? await readFile(join(ROOT, 'test/fixtures', v.plaintextFile), 'utf8') : v.plaintext;
  return { path: join(ROOT, 'test/fixtures', v.file), password: v.password, plaintext: JSON.parse(text) };
}

/** How the inspector writes a count: `1 plugin`, `2,000 workspaces`. */
const formatCount = (n, noun, plural = `${noun}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;

describe('offline inspector (inspect.html)', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let work;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    work = await mkdtemp(join(tmpdir(), 'inspect-e2e-'));
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /**
   * Loads `url` from the dev server, waits for the element, then cuts the network: every later request is aborted
   * and recorded. Also records CSP violations, page errors and console errors.
   */
  async function openOffline(url) {
    const { page, context, checkClean } = await openCheckedPage(browser, { viewport: { width: 1100, height: 900 } });
    await gotoStrict(page, url);
    await page.waitForFunction(() => customElements.get('backup-inspector') !== undefined);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => route.abort('blockedbyclient'));
    const check = async () => {
      assert.deepEqual(requests, [], 'no request after the page loaded');
      await checkClean();
    };
    return { page, context, check };
  }

  /**
   * Opens the built page from disk with no network from the start: the browser is offline, and every request but
   * the page's own files (file:// under its folder) is aborted and recorded. `check()` asserts that nothing else
   * was requested, that no CSP violation, page error or console error happened.
   */
  async function openFromDisk(pagePath) {
    const { page, context, checkClean } = await openCheckedPage(browser, {
      viewport: { width: 1100, height: 900 },
      acceptDownloads: true,
    });
    await context.setOffline(true);
    const folder = pathToFileURL(dirname(pagePath)).href + '/';
    const refused = [];
    const loaded = [];
    // Playwright routes file:// loads too: the page's own files go through, anything else is refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(folder)) {
        loaded.push(url.slice(folder.length));
        return route.continue();
      }
      refused.push(url);
      return route.abort('blockedbyclient');
    });
    await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('backup-inspector') !== undefined);
    assert.equal(await page.evaluate(() => typeof crypto.subtle?.decrypt), 'function', 'WebCrypto on file://');
    const check = async () => {
      assert.deepEqual(refused, [], 'no request beyond the page’s own files');
      assert.deepEqual(
        [...new Set(loaded)].sort(),
        ['inspect.html', 'inspect/favicon.svg', 'inspect/inspect.css', 'inspect/inspect.js'],
        'the page loads only its own files',
      );
      await checkClean();
    };
    return { page, context, check };
  }

  async function openFile(page, path, password) {
    await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(path);
    await page.getByLabel('Password or recovery key', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Open backup' }).click();
  }

  async function compareFile(page, path, password) {
    await page.locator('backup-inspector-opener.compare input[type=file]').setInputFiles(path);
    await page.getByLabel('Password or recovery key of the other backup').fill(password);
    await page.getByRole('button', { name: 'Compare' }).click();
  }

  /** The counts list and the manifest's fields say what `manifest` says; the counts are those of `unit`. */
  async function checkManifest(page, { manifest, unit }) {
    await page.getByRole('heading', { name: `Backup of ${manifest.unit.name}` }).waitFor();
    const fields = await page.locator('[part=manifest] dl').innerText();
    for (const [label, value] of [
      ['Unit', `${manifest.unit.name} (${manifest.unit.id})`],
      ['Origin', manifest.origin],
      ['Exported by', `${manifest.exportedBy.name} (${manifest.exportedBy.id})`],
      ['App version', manifest.appVersion],
      ['Payload version', String(manifest.payloadVersion)],
    ]) {
      assert.match(fields, new RegExp(`${label}\\s+${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${label} shown`);
    }
    assert.equal(await page.locator('[part=manifest] time').getAttribute('datetime'), manifest.createdAt, 'date shown');
    const counts = await page.getByRole('list', { name: 'Counts' }).innerText();
    for (const [section, noun, plural] of [['plugins', 'plugin'], ['workspaces', 'workspace'], ['profiles', 'profile'], ['keys', 'config in key store', 'configs in key store']]) {
      assert.ok(counts.includes(formatCount(unit[section].length, noun, plural)), `${section} counted: ${counts}`);
    }
  }

  /** A secret key's value is absent until its Reveal button is pressed, then shown alone, then hidden again. */
  async function checkSecretMasking(page, keys) {
    const secrets = keys.filter((k) => k.secret && k.value.length >= 6);
    assert.ok(secrets.length >= 2, 'the backup has secrets');
    const dom = async () => page.evaluate(() => {
      const parts = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          parts.push(el.textContent ?? '', ...[...el.attributes].map((a) => a.value));
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return parts.join('\n');
    });
    for (const k of secrets) assert.ok(!(await dom()).includes(k.value), `${k.key} is masked`);
    const [first, second] = secrets;
    await page.getByRole('button', { name: `Reveal ${first.key}`, exact: true }).click();
    await page.getByText(first.value, { exact: true }).waitFor();
    assert.ok(!(await dom()).includes(second.value), 'revealing one secret shows no other');
    await page.getByRole('button', { name: `Hide ${first.key}`, exact: true }).click();
    await page.getByRole('button', { name: `Reveal ${first.key}`, exact: true }).waitFor();
    assert.ok(!(await dom()).includes(first.value), 'hidden again');
  }

  async function checkGolden(page) {
    await page.getByRole('heading', { name: 'Backup of South News — Süd 南 🗞' }).waitFor();
    for (const text of ['Wetter ☀', 'Новости', 'Newsroom 📰', 'Default', 'api/token', 'greeting']) {
      assert.equal(await page.getByText(text).count() > 0, true, `${text} is shown`);
    }
    assert.equal(await page.getByText('s3cr3t-ÿ').count(), 0, 'the secret is masked');
    // Keyboard only: focus the Reveal button and press Enter.
    await page.getByRole('button', { name: 'Reveal api/token' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('s3cr3t-ÿ').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Reveal api/token' }).waitFor();
    assert.equal(await page.getByText('s3cr3t-ÿ').count(), 0, 'hidden again');
  }

  it('opens the golden vector with every request blocked, masks the secret, and is axe-clean', async () => {
    const { page, context, check } = await openOffline(`${server.origin}/inspect.html`);
    try {
      await expectAxeClean(page);
      const golden = await loadGolden(0);
      await openFile(page, golden.path, golden.password);
      await checkGolden(page);
      await page.getByLabel('Search the backup').fill('zürich');
      await page.getByText('1 of 2 match').waitFor();
      await page.locator('summary', { hasText: 'Wetter ☀' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('city: "Zürich"').waitFor();
      await page.screenshot({ path: join(SHOTS, 'inspect-golden.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SHOTS, 'inspect-golden-dark.png'), fullPage: true });
      await expectAxeClean(page);
      await check();
    } finally {
      await context.close();
    }
  });

  let files;
  /**
   * The files the tests open, made once in a helper page of the dev server (not the inspector page, whose CSP
   * forbids connections):
   *  - `fresh`: a file made by the export engine (exportUnit through the REST client) from a fresh `small` world
   *    to which {@link ADDED_KEY} was added, with the unit's state;
   *  - `large`: the `large` world's content (300 plugins, 2,000 workspaces, 500 profiles, 5,000 keys), read in one
   *    request from the state route (exportUnit would make 2,300) and encrypted as the export engine does.
   */
  function makeFiles() {
    files ??= (async () => {
      const context = await browser.newContext();
      try {
        const helper = await context.newPage();
        await helper.goto(`${server.origin}/test/fixtures/golden-v1.json`);
        const made = await helper.evaluate(
          async ([password, addedKey]) => {
            const { createRestClient, encryptBackupToBlob, exportUnit } = await import('/src/index.ts');
            const world = async (seed) => {
              const response = await fetch('/api/__dev/worlds', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ seed }),
              });
              const { baseUrl } = await response.json();
              const state = async () => (await fetch(`${baseUrl}/__dev/state?unit=south-news`)).json();
              return { client: createRestClient({ baseUrl, token: () => 'admin-token' }), state };
            };
            const bytesOf = async (blob) => Array.from(new Uint8Array(await blob.arrayBuffer()));

            const small = await world('small');
            await small.client.putKey('south-news', { key: addedKey, value: 'added by the e2e test', secret: false });
            const fresh = await exportUnit(small.client, password, { iterations: 100_000 });

            const large = await world('large');
            const unit = await large.state();
            const { buildPayload } = await import('/src/backup/manifest.ts');
            const payload = buildPayload(unit, { id: 'south-news', name: 'South News' }, { id: 'admin', name: 'Admin' }, location.origin);
            const largeBlob = await encryptBackupToBlob(payload, password, { iterations: 100_000 });
            return {
              fresh: { bytes: await bytesOf(fresh.blob), filename: fresh.filename, manifest: fresh.manifest, unit: await small.state() },
              large: { bytes: await bytesOf(largeBlob), manifest: payload.manifest, unit },
            };
          },
          [FRESH_PASSWORD, ADDED_KEY],
        );
        assert.deepEqual(made.large.manifest.counts, LARGE, 'the large seed has the size the issue names');
        const write = async (name, { bytes, ...rest }) => {
          const path = join(work, name);
          await writeFile(path, Uint8Array.from(bytes));
          return { path, ...rest };
        };
        return {
          fresh: await write(made.fresh.filename, made.fresh),
          large: await write('large.dashboard-backup', made.large),
        };
      } finally {
        await context.close();
      }
    })();
    return files;
  }

  it('opens a freshly exported file with every request blocked, and compares it with itself', async () => {
    const { fresh } = await makeFiles();
    const { page, context, check } = await openOffline(`${server.origin}/inspect.html`);
    try {
      await openFile(page, fresh.path, FRESH_PASSWORD);
      await checkManifest(page, fresh);
      assert.equal(await page.getByText('does not match the expected format').count(), 0, 'schema-valid');
      const first = fresh.unit.plugins[0];
      assert.ok((await page.locator('section[data-section=plugins] summary').first().innerText()).includes(first.name.trim()));
      await checkSecretMasking(page, fresh.unit.keys);
      await compareFile(page, fresh.path, FRESH_PASSWORD);
      await page.getByText('The two backups hold the same content.').waitFor();
      await page.screenshot({ path: join(SHOTS, 'inspect-fresh.png'), fullPage: false });
      await expectAxeClean(page);
      await check();
    } finally {
      await context.close();
    }
  });

  it('says clearly when the password is wrong', async () => {
    const { page, context, check } = await openOffline(`${server.origin}/inspect.html`);
    try {
      const golden = await loadGolden(0);
      await openFile(page, golden.path, 'wrong password');
      await page.getByRole('alert').filter({ hasText: 'Wrong password' }).waitFor();
      await check();
    } finally {
      await context.close();
    }
  });

  describe('built, from disk (file://), with no network from the start', () => {
    let pagePath;

    before(async () => {
      ({ page: pagePath } = await buildInspector(join(work, 'dist')));
    });

    it('opens the golden vectors, compares the unit vector with a fresh export, and saves its JSON', async () => {
      const unitVector = await loadGolden(2);
      const { fresh } = await makeFiles();
      const { page, context, check } = await openFromDisk(pagePath);
      try {
        const golden = await loadGolden(1);
        await openFile(page, golden.path, golden.password);
        await checkGolden(page);
        await page.getByRole('button', { name: 'Close backup' }).click();

        // The golden unit vector: a real export of the small seed, valid against the schema.
        await openFile(page, unitVector.path, unitVector.password);
        await checkManifest(page, unitVector.plaintext);
        assert.equal(await page.getByText('does not match the expected format').count(), 0, 'schema-valid');
        const tree = page.locator('backup-inspector-tree');
        for (const p of unitVector.plaintext.unit.plugins.slice(0, 3)) {
          await tree.locator('section[data-section=plugins] summary', { hasText: p.bundle }).waitFor();
        }
        // A workspace's row opens to its applications.
        const workspace = unitVector.plaintext.unit.workspaces.find((w) => w.applications.length > 0);
        await tree.locator('section[data-section=workspaces] summary', { hasText: workspace.name.trim() }).first().click();
        await tree.getByRole('heading', { name: `Applications (${workspace.applications.length})` }).waitFor();
        await checkSecretMasking(page, unitVector.plaintext.unit.keys);
        await page.screenshot({ path: join(SHOTS, 'inspect-disk-unit.png'), fullPage: false });

        // Compare with the fresh export (same seed, one key added, another origin and date): section by section.
        await compareFile(page, fresh.path, FRESH_PASSWORD);
        const diff = page.locator('backup-inspector-diff');
        await diff.locator('section[data-section=keys]').getByText(`Added ${ADDED_KEY}`).waitFor();
        assert.match(await diff.locator('table').innerText(), /Origin\s+https:\/\/dashboard\.example\s+http:\/\/localhost/);
        for (const section of ['plugins', 'workspaces', 'profiles', 'keys']) {
          assert.match(await diff.locator(`section[data-section=${section}] .summary`).innerText(), /\d+ added, \d+ removed, \d+ changed, \d+ unchanged/);
        }
        await diff.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, 'inspect-disk-compare.png'), fullPage: false });

        // Save as JSON: a warning first, then exactly the decrypted content.
        await page.getByRole('button', { name: 'Save as JSON…' }).click();
        await page.getByRole('alertdialog', { name: 'Save unencrypted JSON?' }).getByText('not encrypted').waitFor();
        const downloading = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Save unencrypted JSON' }).click();
        const download = await downloading;
        assert.match(download.suggestedFilename(), /^south-news-.*\.UNENCRYPTED\.json$/);
        assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), unitVector.plaintext);
        // No axe run here: on file:// axe-core fetches the stylesheets it cannot read (an opaque origin), which the
        // page's CSP rightly refuses; the same markup is checked with axe over http above.
        await check();
      } finally {
        await context.close();
      }
    });

    it('shows a backup of the large seed’s size a page at a time, and pages and searches it', async () => {
      const { large } = await makeFiles();
      const { page, context, check } = await openFromDisk(pagePath);
      try {
        await openFile(page, large.path, FRESH_PASSWORD);
        await checkManifest(page, large);
        const section = (name) => page.locator(`backup-inspector-tree section[data-section=${name}]`);
        for (const [name, total] of Object.entries(LARGE)) {
          await section(name).getByText(`Showing 1–${PAGE_SIZE} of ${total.toLocaleString('en-US')}`).waitFor();
          assert.equal(await section(name).locator('ul.rows > li').count(), PAGE_SIZE, `${name}: one page of rows`);
        }
        // Paginated, not rendered whole: the page holds far fewer elements than the backup has entities.
        const elements = await page.evaluate(() => {
          let n = 0;
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              n++;
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return n;
        });
        assert.ok(elements < 3000, `${elements} elements in the page`);

        const workspaces = section('workspaces');
        await workspaces.getByRole('button', { name: 'Next' }).click();
        await workspaces.getByText(`Showing ${PAGE_SIZE + 1}–${2 * PAGE_SIZE} of 2,000`).waitFor();
        await workspaces.locator('summary', { hasText: large.unit.workspaces[PAGE_SIZE].name.trim() }).first().waitFor();
        assert.equal(await workspaces.locator('ul.rows > li').count(), PAGE_SIZE);

        const key = large.unit.keys[4321];
        await page.getByLabel('Search the backup').fill(key.key);
        await section('keys').getByText(/of 5,000 match/).waitFor();
        const rows = await section('keys').locator('ul.rows > li').count();
        assert.ok(rows >= 1 && rows <= PAGE_SIZE, `${rows} matching keys shown`);
        await section('keys').locator('.key-name', { hasText: key.key }).first().waitFor();
        await page.screenshot({ path: join(SHOTS, 'inspect-disk-large.png'), fullPage: false });
        await check();
      } finally {
        await context.close();
      }
    });
  });
});
