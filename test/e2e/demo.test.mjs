// End-to-end: a person on the demo page backs up South News and restores the file into North News, through the
// user menu, the dialog, a real download and the file input; then the page reloads and the server holds the backup.
// Runs on a page served with a strict Content-Security-Policy (header and meta) and fails on any violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import {
  ROOT,
  SHOTS,
  dev,
  expectAxeClean,
  gotoStrict,
  normalizeState,
  openBackup,
  openCheckedPage,
  screenshot,
  signIn,
  startDemoServer,
} from './server.mjs';

const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'amber-kettle-sunrise-9';
/** `<unit>-<YYYY-MM-DD-HHmm>.dashboard-backup`: the unit and the date of the export. */
const BACKUP_NAME = /^south-news-\d{4}-\d{2}-\d{2}-\d{4}\.dashboard-backup$/;

describe('demo page', { timeout: 240_000 }, () => {
  let server;
  let browser;

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

  /** A demo page that records CSP violations, page errors and console errors (the signed-out 401 excepted). */
  async function openPage(options = {}) {
    const opened = await openCheckedPage(
      browser,
      { acceptDownloads: true, viewport: { width: 1100, height: 1300 }, ...options },
      { ignoreConsole: /401 \(Unauthorized\)/ },
    );
    return { ...opened, shot: (name, o) => screenshot(opened.page, name, o) };
  }

  it('exports South News and imports the file into North News, as a person would', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, shot, checkClean, context } = await openPage();
    await gotoStrict(page, server.origin);
    await page.getByRole('heading', { name: 'Not signed in' }).waitFor();
    await shot('01-signed-out');

    await signIn(page, 'admin', 'south-news');
    await page.getByRole('heading', { name: 'South News', level: 1 }).waitFor();
    await shot('02-south-news', { dark: true });

    await page.locator('#user-menu-button').click();
    await shot('03-user-menu');
    await page.locator('#user-menu-button').click();
    await openBackup(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Before you start' }).waitFor();
    await shot('04-warning', { dark: true });
    await expectAxeClean(page);

    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('heading', { name: 'Export South News' }).waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('Confirm the password').fill(PASSWORD);
    await shot('05-export-form', { dark: true });
    await expectAxeClean(page);
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    const filename = download.suggestedFilename();
    assert.match(filename, BACKUP_NAME);
    const file = join(DOWNLOADS, filename);
    await download.saveAs(file);
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await shot('06-export-done', { dark: true });
    await expectAxeClean(page);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await signIn(page, 'admin', 'north-news');
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();
    await shot('07-north-news-before');

    await openBackup(page);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('tab', { name: 'Import' }).click();
    await dialog.getByRole('heading', { name: 'Import a backup into North News' }).waitFor();
    await shot('08-import-form', { dark: true });
    await expectAxeClean(page);

    // Bad input first, each with its own sentence and nothing sent to the Dashboard: a wrong password, a damaged
    // copy of the file, a file that is not a backup, a file changed on disk after it was chosen.
    const bytes = await readFile(file);
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length * 0.75)] ^= 0xff;
    await writeFile(join(DOWNLOADS, 'damaged.dashboard-backup'), damaged);
    await writeFile(join(DOWNLOADS, 'notes.txt'), 'just some notes');
    await dev(server.origin, 'DELETE', 'log');
    const refused = [
      [file, 'not-the-password', /^The password does not open this backup\./],
      [join(DOWNLOADS, 'damaged.dashboard-backup'), PASSWORD, /^The backup file is damaged or incomplete\./],
      [join(DOWNLOADS, 'notes.txt'), PASSWORD, /^This file is not a Dashboard backup\./],
    ];
    for (const [path, password, sentence] of refused) {
      await dialog.locator('input[type="file"]').setInputFiles(path);
      await dialog.getByLabel('Password of the backup').fill(password);
      await dialog.getByRole('button', { name: 'Validate' }).click();
      const alert = dialog.getByRole('alert');
      await alert.filter({ hasText: sentence }).waitFor();
      assert.equal(await alert.count(), 1, 'one alert at a time');
    }
    // A file changed on disk after it was chosen can no longer be read by the page.
    const changing = join(DOWNLOADS, 'changing.dashboard-backup');
    await writeFile(changing, bytes);
    await dialog.locator('input[type="file"]').setInputFiles(changing);
    await writeFile(changing, 'replaced since');
    await dialog.getByLabel('Password of the backup').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await dialog.getByRole('alert').filter({ hasText: /^The file could not be read: it may have been changed/ }).waitFor();
    await shot('08b-import-refused', { dark: true });
    await expectAxeClean(page);
    const { entries } = await dev(server.origin, 'GET', 'log');
    assert.deepEqual(entries.filter((e) => e.mutating), [], 'bad input sends no mutating request');

    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByLabel('Password of the backup').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor();
    assert.equal(await dialog.getByRole('alert').count(), 0, 'the old error is gone');
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
    assert.equal(await importButton.isDisabled(), true, 'Import waits for the unit name');
    await dialog.getByLabel('Type North News to confirm').fill('North News');
    await shot('09-preview', { dark: true });
    await expectAxeClean(page);

    // Slow enough to see (and check) the progress step, then back to full speed.
    await dev(server.origin, 'POST', 'latency', { ms: 150 });
    await importButton.click();
    await dialog.getByRole('heading', { name: 'Importing into North News' }).waitFor();
    await dialog.locator('ol.phases li[data-state="current"]', { hasText: 'Removing the current content' }).waitFor();
    await shot('09b-importing');
    await expectAxeClean(page);
    await dev(server.origin, 'POST', 'latency', { ms: 0 });
    await dialog.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 60_000 });
    await shot('10-import-done', { dark: true });
    await expectAxeClean(page);
    await checkClean();
    await page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();

    const south = await dev(server.origin, 'GET', 'state?unit=south-news');
    const north = await dev(server.origin, 'GET', 'state?unit=north-news');
    assert.deepEqual(normalizeState(north), normalizeState(south));
    const shown = await page.locator('#workspace-list .card-title').allTextContents();
    assert.deepEqual(shown.sort(), south.workspaces.map((w) => w.name).sort());
    await shot('11-north-news-after-reload');
    await checkClean();
    await context.close();
  });

  it('cancels an export: no file is downloaded, and the form comes back', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, shot, checkClean, context } = await openPage();
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    try {
      await gotoStrict(page, server.origin);
      await signIn(page, 'admin', 'south-news');
      await openBackup(page);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Continue' }).click();
      await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await dialog.getByLabel('Confirm the password').fill(PASSWORD);
      await dev(server.origin, 'POST', 'latency', { ms: 300 });
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await dialog.getByRole('heading', { name: 'Exporting South News' }).waitFor();
      const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
      await dialog.getByText(/^Reading the unit: [1-9]\d* of \d+$/).waitFor();
      assert.ok((await bar.evaluate((e) => e.value)) > 0, 'the bar moved');
      await shot('14-export-progress', { dark: true });
      await expectAxeClean(page);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.locator('p.notice', { hasText: 'Export cancelled. Nothing was downloaded.' }).waitFor();
      await dev(server.origin, 'POST', 'latency', { ms: 0 });
      // Long enough for an export that went on regardless to finish and download.
      await page.waitForTimeout(2000);
      assert.deepEqual(downloads, [], 'nothing was downloaded');
      assert.equal(await dialog.getByRole('heading', { name: 'Backup ready' }).count(), 0);
      await dialog.getByRole('heading', { name: 'Export South News' }).waitFor();
      await shot('15-export-cancelled');
      await checkClean();
    } finally {
      await dev(server.origin, 'POST', 'latency', { ms: 0 });
      await context.close();
    }
  });

  it('can be used with the keyboard alone: menu, dialog, tabs, export', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, shot, checkClean, context } = await openPage();
    await gotoStrict(page, server.origin);
    await signIn(page, 'admin', 'south-news');
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return `${el?.tagName.toLowerCase()} ${(el?.textContent ?? '').trim()}`.trim();
      });
    await page.locator('#user-menu-button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'button Sign out');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button Backup');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Continue' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'button Continue');
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Export South News' }).waitFor();
    assert.equal(await focused(), 'h3 Export South News', 'focus moves to the new step’s heading');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'button Export', 'the selected tab is in the tab order');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'button Import');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kbd-only-password');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kbd-only-password');
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await downloading;
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    assert.equal(await focused(), 'h3 Backup ready');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false, 'Escape closes the dialog');
    await shot('13-keyboard');
    await checkClean();
    await context.close();
  });

  it('shows an editor that backup is for administrators', async () => {
    const { page, shot, checkClean, context } = await openPage();
    await gotoStrict(page, server.origin);
    await signIn(page, 'editor', 'south-news');
    await openBackup(page);
    await page.getByRole('dialog').getByRole('heading', { name: 'For administrators only' }).waitFor();
    assert.equal(await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).count(), 0);
    await shot('12-editor', { dark: true });
    await checkClean();
    await context.close();
  });

  it('is served with a strict CSP that refuses inline script and eval, and the check would see a violation', async () => {
    const { page, context, checkClean, problems, violations } = await openPage();
    await gotoStrict(page, server.origin);
    await page.getByRole('heading', { name: 'Not signed in' }).waitFor();
    await checkClean();
    // Canaries run by the page itself: an inline script, an inline event handler and eval must all be refused.
    const ran = await page.evaluate(async () => {
      window.__ran = [];
      const script = document.createElement('script');
      script.textContent = 'window.__ran.push("inline script")';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__ran.push("inline handler")');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      // Later, from a timer: code evaluated by DevTools itself may eval, the page may not.
      const evalError = await new Promise((resolve) =>
        setTimeout(() => {
          try {
            (0, eval)('window.__ran.push("eval")');
            resolve('none');
          } catch (error) {
            resolve(error.name);
          }
        }, 0),
      );
      await new Promise((r) => setTimeout(r, 300));
      return [...window.__ran, `eval threw ${evalError}`];
    });
    assert.deepEqual(ran, ['eval threw EvalError'], 'nothing inline or eval ran');
    for (const directive of ['script-src-elem', 'script-src-attr', 'script-src']) {
      assert.ok(violations.some((v) => v.startsWith(`${directive} `)), `${directive} violation seen (got ${violations})`);
    }
    assert.ok(problems.some((p) => /Content Security Policy/.test(p)), 'and reported on the console');
    await context.close();
  });
});
