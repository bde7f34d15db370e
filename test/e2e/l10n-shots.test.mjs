// Screenshots of the element in English and Swedish, light and dark, and with a long right-to-left name in the
// import preview (issue 14), and the demo's Newsroom theme, on the demo page under its strict CSP. Saved in test-results/screenshots/l10n-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT, SHOTS, dev, gotoStrict, openBackup, openCheckedPage, screenshot, signIn, startDemoServer } from './server.mjs';

const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'amber-kettle-sunrise-9';
/** 500 characters without a space, opening with a right-to-left override: the contract's longest name. */
const LONG_RTL = `\u202E${'ابجد'.repeat(25)}${'x'.repeat(399)}`;

describe('the element in English and Swedish', { timeout: 240_000 }, () => {
  let server;
  let browser;
  /** The backup the first test exports (with the long RTL name in it), which the inspector test opens. */
  let backupFile;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    await mkdir(DOWNLOADS, { recursive: true });
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('warning, export and preview in both languages, light and dark; a long RTL name stays in the dialog', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const api = (path, init = {}) =>
      fetch(`${server.origin}/api/units/south-news/${path}`, {
        ...init,
        headers: { authorization: 'Bearer admin-token', 'content-type': 'application/json' },
      }).then((r) => r.json());
    const workspaces = await api('workspaces');
    const ws = (workspaces.items ?? workspaces)[0];
    await api('profiles', { method: 'POST', body: JSON.stringify({ name: LONG_RTL, roles: ['user'], workspaces: [ws.id] }) });

    const { page, checkClean } = await openCheckedPage(
      browser,
      { acceptDownloads: true, viewport: { width: 1100, height: 1300 } },
      { ignoreConsole: /401 \(Unauthorized\)/ },
    );
    const shot = (name) => screenshot(page, `l10n-${name}`, { dark: true });
    const setLang = (lang) => page.evaluate((l) => (document.documentElement.lang = l), lang);
    await gotoStrict(page, server.origin);
    await signIn(page, 'admin', 'south-news');
    await openBackup(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Before you start' }).waitFor();
    await shot('en-warning');
    await setLang('sv');
    await dialog.getByRole('heading', { name: 'Innan du börjar' }).waitFor();
    await shot('sv-warning');

    await dialog.getByRole('button', { name: 'Fortsätt' }).click();
    await dialog.getByRole('heading', { name: 'Exportera South News' }).waitFor();
    await dialog.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('Bekräfta lösenordet').fill(PASSWORD);
    await shot('sv-export-form');
    await setLang('en');
    await dialog.getByRole('heading', { name: 'Export South News' }).waitFor();
    await shot('en-export-form');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    const file = join(DOWNLOADS, `l10n-${download.suggestedFilename()}`);
    await download.saveAs(file);
    backupFile = file;
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await shot('en-export-done');
    await setLang('sv');
    await dialog.getByRole('heading', { name: 'Säkerhetskopian är klar' }).waitFor();
    await shot('sv-export-done');

    await dialog.getByRole('tab', { name: 'Importera' }).click();
    await dialog.getByRole('heading', { name: 'Importera en säkerhetskopia till South News' }).waitFor();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByLabel('Säkerhetskopians lösenord eller återställningsnyckel').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Validera' }).click();
    await dialog.getByRole('heading', { name: 'Granska innan du importerar' }).waitFor({ timeout: 60_000 });
    await dialog.locator('details.plan-details summary').click();
    const longName = dialog.locator('bdi', { hasText: 'xxxxxxxxxx' }).first();
    await longName.scrollIntoViewIfNeeded();
    await shot('sv-preview-long-rtl-name');
    await setLang('en');
    await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor();
    await shot('en-preview-long-rtl-name');
    const [box, widest] = await dialog.evaluate((d) => {
      const all = [];
      const walk = (root) => {
        for (const e of root.querySelectorAll('*')) {
          all.push(e.getBoundingClientRect().right);
          if (e.shadowRoot) walk(e.shadowRoot);
        }
      };
      walk(d);
      return [d.getBoundingClientRect().right, Math.max(...all)];
    });
    assert.ok(widest <= box + 1, `nothing in the dialog reaches past its edge (${widest} > ${box})`);

    // The demo's "Theme" switch (behind the modal dialog here, so set as its change handler does): every documented
    // property and part at once.
    await page.evaluate(() => (document.documentElement.dataset.theme = 'newsroom'));
    const font = await page.evaluate(() => getComputedStyle(document.querySelector('dashboard-backup')).fontFamily);
    assert.match(font, /Georgia/);
    await dialog.getByRole('heading', { name: 'Review before importing' }).scrollIntoViewIfNeeded();
    await shot('en-preview-theme-newsroom');
    await checkClean();
  });

  it('the offline inspector in Swedish (?lang=sv) and English, light and dark; the long RTL name stays inside it', async () => {
    assert.ok(backupFile, 'the first test exported a backup');
    const { page, checkClean } = await openCheckedPage(browser, { viewport: { width: 900, height: 1300 } });
    const shot = (name) => screenshot(page, `l10n-${name}`, { dark: true });
    await gotoStrict(page, `${server.origin}/inspect.html?lang=sv`);
    await page.getByRole('heading', { name: 'Öppna en säkerhetskopia' }).waitFor();
    assert.equal(await page.title(), 'Granskare för Dashboard-säkerhetskopior');
    await shot('sv-inspector-locked');
    await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(backupFile);
    await page.getByLabel('Lösenord eller återställningsnyckel', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Öppna säkerhetskopian' }).click();
    await page.getByRole('heading', { name: 'Säkerhetskopia av South News' }).waitFor({ timeout: 60_000 });
    const profiles = page.locator('backup-inspector-tree section[data-section=profiles]');
    await profiles.locator('summary').first().click();
    await shot('sv-inspector-opened');
    const text = await page.locator('backup-inspector').innerText();
    for (const english of ['Open backup', 'Search the backup', 'Save as JSON', 'Compare with another backup', 'Showing']) {
      assert.ok(!text.includes(english), `no "${english}" in Swedish`);
    }
    const [box, widest] = await page.locator('backup-inspector').evaluate((el) => {
      const all = [];
      const walk = (root) => {
        for (const e of root.querySelectorAll('*')) {
          all.push(e.getBoundingClientRect().right);
          if (e.shadowRoot) walk(e.shadowRoot);
        }
      };
      walk(el.shadowRoot);
      return [el.getBoundingClientRect().right, Math.max(...all)];
    });
    assert.ok(widest <= box + 1, `nothing in the inspector reaches past its edge (${widest} > ${box})`);
    await page.evaluate(() => (document.documentElement.lang = 'en'));
    await page.getByRole('heading', { name: 'Backup of South News' }).waitFor();
    assert.equal(await page.title(), 'Dashboard backup inspector');
    await shot('en-inspector-opened');
    await checkClean();
  });
});
