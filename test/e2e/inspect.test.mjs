// End-to-end: the offline inspector page (inspect.html) opens backup files with the network cut off.
// The page is served by `npm start`'s dev server; once it has loaded, Playwright aborts every request, so opening
// a file must not need any. Also runs the built, single-script inspector straight from disk (file://).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { buildInspector } from '../../inspect/build.mjs';
import { ROOT, SHOTS, expectAxeClean, gotoStrict, openCheckedPage, startDemoServer } from './server.mjs';

const FRESH_PASSWORD = 'inspector-e2e-password';

async function loadGolden(index) {
  const meta = JSON.parse(await readFile(join(ROOT, 'test/fixtures/golden-v1.json'), 'utf8'));
  const v = meta.vectors[index];
  return { path: join(ROOT, 'test/fixtures', v.file), password: v.password };
}

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
   * Loads `url`, waits for the element, then cuts the network: every later request is aborted and recorded.
   * Also records CSP violations, page errors and console errors.
   */
  async function openOffline(url) {
    const { page, context, checkClean } = await openCheckedPage(browser, { viewport: { width: 1100, height: 900 } });
    if (url.startsWith('http')) await gotoStrict(page, url);
    else await page.goto(url, { waitUntil: 'load' });
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

  async function openFile(page, path, password) {
    await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(path);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Open backup' }).click();
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

  /**
   * A file made by the export engine (exportUnit through the REST client) from a fresh `small` world, produced in a
   * helper page of the same origin (not the inspector page, whose CSP forbids connections), plus the unit's state.
   */
  async function makeFreshExport() {
    const context = await browser.newContext();
    try {
      const helper = await context.newPage();
      await helper.goto(`${server.origin}/test/fixtures/golden-v1.json`);
      const { bytes, state, filename } = await helper.evaluate(async (password) => {
        const { exportUnit } = await import('/src/backup/index.ts');
        const { createRestClient } = await import('/src/api/index.ts');
        const response = await fetch('/api/__dev/worlds', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ seed: 'small' }),
        });
        const { baseUrl } = await response.json();
        const client = createRestClient({ baseUrl, token: () => 'admin-token' });
        const result = await exportUnit(client, password, { iterations: 100_000 });
        const unit = await (await fetch(`${baseUrl}/__dev/state?unit=south-news`)).json();
        return { bytes: Array.from(new Uint8Array(await result.blob.arrayBuffer())), state: unit, filename: result.filename };
      }, FRESH_PASSWORD);
      const path = join(work, filename);
      await writeFile(path, Uint8Array.from(bytes));
      return { path, state };
    } finally {
      await context.close();
    }
  }

  it('opens a freshly exported file with every request blocked, and compares it with itself', async () => {
    const { path, state } = await makeFreshExport();
    const { page, context, check } = await openOffline(`${server.origin}/inspect.html`);
    try {
      await openFile(page, path, FRESH_PASSWORD);
      await page.getByRole('heading', { name: /^Backup of / }).waitFor();
      assert.equal(await page.getByText('does not match the expected format').count(), 0, 'schema-valid');
      const counts = await page.getByRole('list', { name: 'Counts' }).innerText();
      assert.match(counts, new RegExp(`${state.plugins.length.toLocaleString('en-US')} plugins?`));
      assert.match(counts, new RegExp(`${state.keys.length.toLocaleString('en-US')} keys?`));
      const first = state.plugins[0];
      assert.ok((await page.locator('section[data-section=plugins] summary').first().innerText()).includes(first.name.trim()));
      const secret = state.keys.find((k) => k.secret && k.value.length >= 4);
      if (secret) {
        assert.equal(await page.getByText(secret.value).count(), 0, 'secret values are masked');
      }
      await page.locator('backup-inspector-opener.compare input[type=file]').setInputFiles(path);
      await page.getByLabel('Password of the other backup').fill(FRESH_PASSWORD);
      await page.getByRole('button', { name: 'Compare' }).click();
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

  it('runs from disk (file://) as the built single-script page, with no request at all', async () => {
    const out = join(work, 'dist');
    const { page: pagePath } = await buildInspector(out);
    const { page, context, check } = await openOffline(pathToFileURL(pagePath).href);
    try {
      assert.equal(await page.evaluate(() => typeof crypto.subtle?.decrypt), 'function', 'WebCrypto on file://');
      const golden = await loadGolden(1);
      await openFile(page, golden.path, golden.password);
      await checkGolden(page);
      await check();
    } finally {
      await context.close();
    }
  });
});

