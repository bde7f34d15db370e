// End-to-end: the recovery key. On the demo page (strict CSP), an admin exports South News with a recovery key
// through the element — saves the emergency kit as a text file and opens its printable page — then restores the
// file into North News with the recovery key alone, verified. Then the offline inspector (network cut off) re-keys
// that file with a new password, and the new password opens the re-keyed file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import {
  ROOT,
  SHOTS,
  dev,
  expectAxeClean,
  fillExportForm,
  gotoStrict,
  normalizeState,
  openBackup,
  openCheckedPage,
  screenshot,
  signIn,
  startDemoServer,
} from './server.mjs';

const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'quartz-lantern-orbit-4';
const NEW_PASSWORD = 'a-new-password-for-the-copy';

describe('recovery key (demo page and offline inspector)', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let backupFile;
  let recoveryKey;

  before(async () => {
    await mkdir(DOWNLOADS, { recursive: true });
    await mkdir(SHOTS, { recursive: true });
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports with a recovery key, saves and prints the kit, and restores into North News with the key alone', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, context, checkClean } = await openCheckedPage(
      browser,
      { acceptDownloads: true, viewport: { width: 1100, height: 1300 } },
      { ignoreConsole: /401 \(Unauthorized\)/ },
    );
    await gotoStrict(page, server.origin);
    await signIn(page, 'admin', 'south-news');
    await openBackup(page);
    const dialog = await fillExportForm(page, PASSWORD);
    await dialog.getByLabel('Add a recovery key').check();
    const shown = dialog.locator('[part=recovery-key] span');
    await shown.first().waitFor();
    const groups = await shown.allTextContents();
    assert.equal(groups.length, 13);
    recoveryKey = groups.join('-');
    await screenshot(page, 'rk-01-export-recovery-key', { dark: true });
    await expectAxeClean(page);

    // The kit as a text file: unit, date, what the key opens, the key — never the password.
    const savingKit = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save the kit as a text file' }).click();
    const kitDownload = await savingKit;
    assert.match(kitDownload.suggestedFilename(), /^south-news-recovery-key-\d{4}-\d{2}-\d{2}\.txt$/);
    const kitPath = join(DOWNLOADS, kitDownload.suggestedFilename());
    await kitDownload.saveAs(kitPath);
    const kitText = await readFile(kitPath, 'utf8');
    assert.ok(kitText.includes(recoveryKey), 'the kit holds the key');
    assert.ok(kitText.includes('South News (south-news)'), 'and names the unit');
    assert.ok(!kitText.includes(PASSWORD), 'but not the password');

    // The printable page: a window of its own, built under the page's strict CSP (any violation fails checkClean).
    const opening = context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Print the emergency kit' }).click();
    const kit = await opening;
    await kit.getByRole('button', { name: 'Print' }).waitFor();
    assert.deepEqual(await kit.locator('.key span').allTextContents(), groups);
    assert.ok(!(await kit.locator('body').innerText()).includes(PASSWORD));
    await screenshot(kit, 'rk-02-emergency-kit');
    await kit.close();

    await dialog.getByLabel(/I have printed or saved this recovery key/).check();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    backupFile = join(DOWNLOADS, `rk-${download.suggestedFilename()}`);
    await download.saveAs(backupFile);
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Restore into North News with only the recovery key, typed as a person might (lower case, spaces).
    await signIn(page, 'admin', 'north-news');
    await openBackup(page);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('tab', { name: 'Import' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(backupFile);
    await dialog.getByLabel('Password of the backup').fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
    await dialog.getByText('Recovery key recognised.').waitFor();
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor({ timeout: 60_000 });
    await dialog.getByLabel('Type North News to confirm').fill('North News');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 120_000 });
    await screenshot(page, 'rk-03-restored-with-recovery-key');
    await checkClean();
    const south = await dev(server.origin, 'GET', 'state?unit=south-news');
    const north = await dev(server.origin, 'GET', 'state?unit=north-news');
    assert.deepEqual(normalizeState(north), normalizeState(south), 'North News now holds the backup, verified');
    await context.close();
  });

  it('re-keys the file in the offline inspector with the network cut off; the new password opens the copy', async () => {
    assert.ok(backupFile && recoveryKey, 'the export above ran');
    const { page, context, checkClean } = await openCheckedPage(browser, {
      acceptDownloads: true,
      viewport: { width: 1100, height: 1100 },
    });
    await gotoStrict(page, `${server.origin}/inspect.html`);
    await page.waitForFunction(() => customElements.get('backup-inspector') !== undefined);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => route.abort('blockedbyclient'));

    // Opened with the recovery key; re-keyed with it: a new password, the recovery key kept.
    await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(backupFile);
    await page.getByLabel('Password or recovery key', { exact: true }).fill(recoveryKey);
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('heading', { name: 'Backup of South News' }).waitFor({ timeout: 60_000 });
    await page.getByText('Change the password or the recovery key').click();
    await page.getByLabel('Current password or recovery key').fill(recoveryKey);
    await page.getByLabel('New password (leave empty to keep the password)').fill(NEW_PASSWORD);
    await page.getByLabel('Confirm the new password').fill(NEW_PASSWORD);
    await screenshot(page, 'rk-04-inspector-rekey', { dark: true });
    await expectAxeClean(page);
    const saving = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the re-keyed file' }).click();
    const saved = await saving;
    const rekeyed = join(DOWNLOADS, `rekeyed-${saved.suggestedFilename()}`);
    await saved.saveAs(rekeyed);
    await page.getByText(/it opens with its password or its recovery key/).waitFor();

    // The copy: the old password no longer opens it, the new one does.
    await page.getByRole('button', { name: 'Close backup' }).click();
    await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(rekeyed);
    await page.getByLabel('Password or recovery key', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('alert').filter({ hasText: /^Wrong password/ }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Password or recovery key', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('heading', { name: 'Backup of South News' }).waitFor({ timeout: 60_000 });

    // Only the header changed.
    const [before, after] = [await readFile(backupFile), await readFile(rekeyed)];
    const headerLength = (b) => b.readUInt16BE(10);
    assert.ok(before.subarray(headerLength(before)).equals(after.subarray(headerLength(after))), 'chunks unchanged');
    assert.deepEqual(requests, [], 'no request after the page loaded');
    await checkClean();
    await context.close();
  });
});
