// End-to-end: an import into North News stops half-way through creating the backup's content because the
// Dashboard keeps failing its writes; the admin reads why, reloads the page (a real reload: only IndexedDB keeps the
// journal and the safety snapshot), opens Backup again and is offered Resume or Roll back. One test resumes to the
// backup's content, the other downloads the safety snapshot and rolls back to the unit as it was. The server's state
// is checked after each. A third test has two admins in two browser profiles (separate IndexedDB): the second one's
// import is refused by the Dashboard's restore lock, naming the first and since when, while the first runs on to
// the end. Runs on the demo page under the strict Content-Security-Policy, failing on any violation.
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
  gotoStrict,
  normalizeState,
  fillExportForm,
  openBackup,
  openCheckedPage,
  screenshot,
  signIn,
  startDemoServer,
} from './server.mjs';

const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'lantern-orchard-mist-4';
const STOPPED = 'An import into North News did not finish';
/** The file format's magic bytes (docs/format.md). */
const MAGIC = 'DASHBKUP';
/**
 * Console errors Chromium logs for the failures the test injects (a 500 response, a dropped connection) and for the
 * signed-out session check before signing in, and the restore lock's 409 the second admin's browser gets. Anything
 * else on the console fails the test.
 */
const EXPECTED_CONSOLE = /401 \(Unauthorized\)|status of 500 \(Internal Server Error\)|status of 409 \(Conflict\)|net::ERR_/;

describe('recovering an interrupted import across a page reload', { timeout: 600_000 }, () => {
  let server;
  let browser;
  /** The backup of South News, exported through the demo page in `before`. */
  let backupFile;

  async function openPage() {
    const opened = await openCheckedPage(
      browser,
      { acceptDownloads: true, viewport: { width: 1100, height: 1300 } },
      { ignoreConsole: EXPECTED_CONSOLE },
    );
    return { ...opened, shot: (name, o) => screenshot(opened.page, `recover-${name}`, o) };
  }

  const unitState = (unit) => dev(server.origin, 'GET', `state?unit=${unit}`);

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    await mkdir(DOWNLOADS, { recursive: true });
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, context, shot, checkClean } = await openPage();
    await gotoStrict(page, server.origin);
    await signIn(page, 'admin', 'south-news');
    await openBackup(page);
    const dialog = await fillExportForm(page, PASSWORD);
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    backupFile = join(DOWNLOADS, `recover-${download.suggestedFilename()}`);
    await download.saveAs(backupFile);
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await shot('00-exported');
    await checkClean();
    await context.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Signs in to North News and takes the import of `backupFile` to the confirmed preview. */
  async function prepareImport(page, shot) {
    await gotoStrict(page, server.origin);
    await signIn(page, 'admin', 'north-news');
    await openBackup(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('tab', { name: 'Import' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(backupFile);
    await dialog.getByLabel('Password of the backup').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor();
    await dialog.getByLabel('Type North News to confirm').fill('North News');
    await shot('01-preview');
    return dialog;
  }

  /**
   * Makes every mutating request fail from some way into the create phase on: past the most requests the wipe of
   * `base` can take (a delete per profile, workspace, plugin and key the backup does not rewrite, plus an unmap per
   * plugin on a cycle), then half of the backup's key writes. `times` outlasts every retry of client and engine.
   */
  async function failWritesDuringCreate(kind, when, base, source) {
    const rewritten = new Set(source.keys.map((k) => k.key));
    const wipeAtMost =
      base.profiles.length + base.workspaces.length + 2 * base.plugins.length + base.keys.filter((k) => !rewritten.has(k.key)).length;
    const nth = wipeAtMost + Math.ceil(source.keys.length / 2);
    await dev(server.origin, 'DELETE', 'log');
    await dev(server.origin, 'POST', 'faults', { rules: [{ kind, when, nth, times: 1_000_000, retryAfter: 0 }] });
  }

  /** Clicks Import and waits until the element says the import stopped, with the reason in an alert. */
  async function importUntilItStops(page, dialog, shot, reason) {
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('heading', { name: STOPPED }).waitFor({ timeout: 180_000 });
    const alert = dialog.getByRole('alert');
    assert.equal(await alert.count(), 1, 'one alert says why');
    assert.match(await alert.innerText(), reason);
    assert.equal(await dialog.getByRole('button', { name: 'Resume' }).isVisible(), true);
    assert.equal(await dialog.getByRole('button', { name: 'Roll back' }).isVisible(), true);
    await shot('02-stopped', { dark: true });

    // It stopped in the create phase: the wipe went through, then the Dashboard refused writes.
    const { entries } = await dev(server.origin, 'GET', 'log');
    const mutating = entries.filter((e) => e.mutating);
    const faulted = mutating.filter((e) => e.fault);
    assert.ok(faulted.length > 0, 'the server failed some writes');
    assert.ok(
      faulted.every((e) => e.method !== 'DELETE'),
      `only create requests failed (got ${faulted.map((e) => `${e.method} ${e.path}`).join(', ')})`,
    );
    assert.ok(
      mutating.some((e) => e.method === 'PUT' && e.path.includes('/keys/') && e.status < 300),
      'some of the backup was written before it stopped',
    );
  }

  /** Reloads the page for real, opens Backup again and expects the Resume / Roll back offer, found in IndexedDB. */
  async function reloadAndReopen(page, shot) {
    await page.reload();
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();
    await openBackup(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: STOPPED }).waitFor();
    assert.equal(await dialog.getByRole('heading', { name: 'Before you start' }).count(), 0);
    await dialog.getByRole('link', { name: 'Download the safety snapshot' }).waitFor();
    await shot('03-offer-after-reload', { dark: true });
    await expectAxeClean(page);
    const said = (await dialog.locator('backup-resume-panel p').allInnerTexts()).join('\n');
    assert.match(said, /An import of the backup of South News .* stopped after \d+ of \d+ steps/);
    return dialog;
  }

  /** After a resume or a rollback: the page reloads by itself and no unfinished import is left. */
  async function expectReloadedAndClean(page, shot, name) {
    await page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();
    await shot(name);
    await openBackup(page);
    await page.getByRole('dialog').getByRole('heading', { name: 'Before you start' }).waitFor();
  }

  it('stops half-way with a reason, survives a reload, then resumes to the backup’s content', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const source = await unitState('south-news');
    const base = await unitState('north-news');
    const { page, context, checkClean, shot: rawShot } = await openPage();
    const shot = (name, o) => rawShot(`resume-${name}`, o);
    try {
      const dialog = await prepareImport(page, shot);
      await failWritesDuringCreate('500', 'before', base, source);
      await importUntilItStops(page, dialog, shot, /^The Dashboard reported an internal error\..* The import stopped before it finished\. Nothing is lost/s);
      const partial = normalizeState(await unitState('north-news'));
      assert.notDeepEqual(partial, normalizeState(base), 'North News was changed');
      assert.notDeepEqual(partial, normalizeState(source), 'but is not the backup yet');

      // The reload happens while the Dashboard still refuses writes: reading works, the offer comes from IndexedDB.
      const reopened = await reloadAndReopen(page, shot);
      await dev(server.origin, 'DELETE', 'faults');
      await reopened.getByLabel('Password of the backup').fill(PASSWORD);
      await reopened.getByRole('button', { name: 'Resume' }).click();
      await reopened.getByRole('heading', { name: 'Import resumed and complete' }).waitFor({ timeout: 180_000 });
      await shot('04-resumed', { dark: true });
      assert.deepEqual(normalizeState(await unitState('north-news')), normalizeState(source), 'North News holds the backup');
      await expectReloadedAndClean(page, shot, '05-after-reload');
      const shown = await page.locator('#workspace-list .card-title').allTextContents();
      assert.deepEqual(shown.sort(), source.workspaces.map((w) => w.name).sort());
      await checkClean();
    } finally {
      await context.close();
      await dev(server.origin, 'DELETE', 'faults');
    }
  });

  it('two admins in two browser profiles: the second import is refused with who and since when, the first completes', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const source = await unitState('south-news');
    const first = await openPage();
    const second = await openPage();
    try {
      // The second admin validates first, so that only their Import click falls inside the first one's import.
      const dialogB = await prepareImport(second.page, (name) => second.shot(`two-b-${name}`));
      const dialogA = await prepareImport(first.page, (name) => first.shot(`two-a-${name}`));
      await dialogA.getByRole('button', { name: 'Import', exact: true }).click();
      await dialogA.getByRole('heading', { name: 'Importing into North News' }).waitFor();
      await dev(server.origin, 'POST', 'latency', { ms: 200 });
      await dialogB.getByRole('button', { name: 'Import', exact: true }).click();
      const alert = dialogB.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      assert.match(await alert.innerText(), /^Ada Admin has been restoring this unit from another browser since .+\. Wait until they have finished, then check again\.$/);
      await second.shot('two-b-refused', { dark: true });
      await dev(server.origin, 'POST', 'latency', { ms: 0 });
      await dialogA.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 180_000 });
      assert.deepEqual(normalizeState(await unitState('north-news')), normalizeState(source), 'North News holds the backup once');
      await first.checkClean();
      await second.checkClean();
    } finally {
      await dev(server.origin, 'POST', 'latency', { ms: 0 });
      await first.context.close();
      await second.context.close();
    }
  });

  it('stops half-way on dropped connections, offers the safety snapshot, then rolls back to the unit as it was', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const source = await unitState('south-news');
    const base = await unitState('north-news');
    const { page, context, checkClean, shot: rawShot } = await openPage();
    const shot = (name, o) => rawShot(`rollback-${name}`, o);
    try {
      const dialog = await prepareImport(page, shot);
      // `after`: the Dashboard applies each failing write, then the connection drops before the answer.
      await failWritesDuringCreate('drop', 'after', base, source);
      await importUntilItStops(page, dialog, shot, /^The Dashboard cannot be reached\..* The import stopped before it finished\. Nothing is lost/s);

      const reopened = await reloadAndReopen(page, shot);
      const downloading = page.waitForEvent('download');
      await reopened.getByRole('link', { name: 'Download the safety snapshot' }).click();
      const download = await downloading;
      const name = download.suggestedFilename();
      assert.match(name, /^north-news-before-import-\d{4}-\d{2}-\d{2}-\d{4}\.dashboard-backup$/);
      const snapshotFile = join(DOWNLOADS, `recover-${name}`);
      await download.saveAs(snapshotFile);
      const bytes = await readFile(snapshotFile);
      assert.ok(bytes.length > 1024, `the snapshot is not empty (${bytes.length} bytes)`);
      assert.equal(bytes.subarray(0, MAGIC.length).toString('latin1'), MAGIC, 'the snapshot is a backup file');

      await dev(server.origin, 'DELETE', 'faults');
      await reopened.getByLabel('Password of the backup').fill(PASSWORD);
      await reopened.getByRole('button', { name: 'Roll back' }).click();
      await reopened.getByRole('heading', { name: 'Rollback complete' }).waitFor({ timeout: 180_000 });
      await shot('04-rolled-back', { dark: true });
      assert.deepEqual(normalizeState(await unitState('north-news')), normalizeState(base), 'North News is as it was');
      await expectReloadedAndClean(page, shot, '05-after-reload');
      const shown = await page.locator('#workspace-list .card-title').allTextContents();
      assert.deepEqual(shown.sort(), base.workspaces.map((w) => w.name).sort());
      await checkClean();
    } finally {
      await context.close();
      await dev(server.origin, 'DELETE', 'faults');
    }
  });
});
