// End-to-end: a person on the demo page backs up South News and restores the file into North News, through the
// user menu, the dialog, a real download and the file input; then the page reloads and the server holds the backup.
// Runs on a page served with a strict Content-Security-Policy (header and meta) and fails on any violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
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
const PASSWORD = 'amber-kettle-sunrise-9';
/** `<unit>-<YYYY-MM-DD-HHmm>.dashboard-backup`: the unit and the date of the export. */
const BACKUP_NAME = /^south-news-\d{4}-\d{2}-\d{2}-\d{4}\.dashboard-backup$/;

/** The centre of what `locator` finds, in viewport coordinates. */
async function centre(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags `file` from the desktop onto the page as Chromium receives such a drag (DevTools' Input.dispatchDragEvent:
 * real hit testing, real dragenter/dragleave/dragover/drop, a real File). `seen()` tells what the page decided, all
 * its listeners together: each dragover cancelled or not (not cancelled: the browser opens the file on drop,
 * leaving the page), and each drop that came (none comes when the page set the drop effect to `none`).
 */
async function dragFromDesktop(page, file) {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => {
    window.__dragSeen = { over: [], drops: [] };
    if (window.__dragProbe) return;
    window.__dragProbe = true;
    // Capturing on the window comes first; read once the dispatch is over.
    window.addEventListener('dragover', (e) => setTimeout(() => window.__dragSeen.over.push(e.defaultPrevented)), true);
    window.addEventListener('drop', (e) => setTimeout(() => window.__dragSeen.drops.push(e.defaultPrevented)), true);
  });
  const data = { items: [], files: [file], dragOperationsMask: 1 };
  const send = (type, { x, y }) => cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  const overs = () => page.evaluate(() => window.__dragSeen.over.length);
  let at;
  const moveTo = async (point) => {
    // The browser passes moves on one at a time, dropping those that come before the page has answered the last
    // one: wait for each to arrive.
    const before = await overs();
    await send('dragOver', point);
    for (let i = 0; i < 40 && (await overs()) === before; i++) await page.waitForTimeout(25);
    at = point;
  };
  const drag = {
    /** Moves the pointer through `points` in small steps, as a hand would, crossing every element on the way. */
    async over(...points) {
      for (const point of points) {
        if (!at) {
          await send('dragEnter', point);
          await moveTo(point);
          continue;
        }
        const from = at;
        const steps = Math.max(1, Math.ceil(Math.hypot(point.x - from.x, point.y - from.y) / 8));
        for (let i = 1; i <= steps; i++) {
          await moveTo({ x: from.x + ((point.x - from.x) * i) / steps, y: from.y + ((point.y - from.y) * i) / steps });
        }
      }
    },
    async drop(point) {
      await drag.over(point);
      await send('drop', point);
      await cdp.detach();
    },
    seen: () => page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve(window.__dragSeen), 50))),
  };
  return drag;
}

/** Records each change of the Import tab's drop-zone highlight (a MutationObserver: it sees every render). */
async function watchHighlight(page) {
  await page.evaluate(() => {
    const panel = document.querySelector('dashboard-backup').shadowRoot.querySelector('backup-import-panel');
    const zone = panel.shadowRoot.querySelector('.dropzone');
    window.__lit = [];
    new MutationObserver(() => {
      const on = zone.classList.contains('dragging');
      if (window.__lit.at(-1) !== on) window.__lit.push(on);
    }).observe(zone, { attributes: true, attributeFilter: ['class'] });
  });
  return () => page.evaluate(() => window.__lit);
}

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
    await writeFile(join(DOWNLOADS, 'notes.txt'), 'just some notes');
    await shot('08-import-form', { dark: true });
    await expectAxeClean(page);

    // A real drag of the backup from the desktop, dropped a little off the drop zone (on the tab's heading), is
    // the file chosen; the zone stays lit while the pointer crosses its children.
    const lit = await watchHighlight(page);
    const zone = dialog.locator('.dropzone');
    const drag = await dragFromDesktop(page, file);
    await drag.over(
      await centre(dialog.getByRole('heading', { name: 'Import a backup into North News' })),
      await centre(zone.getByText('Drop the backup file here, or')),
      await centre(zone.getByText('Browse…')),
      await centre(dialog.locator('#file-name')),
    );
    await shot('08a-import-dragging', { dark: true });
    await expectAxeClean(page);
    await drag.drop(await centre(dialog.getByLabel('Password of the backup')));
    await dialog.locator('#file-name', { hasText: basename(file) }).waitFor();
    const taken = await drag.seen();
    assert.ok(taken.over.length > 0 && taken.over.every(Boolean), `every dragover was taken (${taken.over})`);
    assert.deepEqual(taken.drops, [true], 'the drop came, and the page took it');
    assert.deepEqual(await lit(), [true, false], 'the highlight came on once and went off at the drop');
    // Off the Import tab's form (the element's title, the dialog's backdrop) a dropped file is refused: the
    // browser neither opens it nor sends the drop.
    for (const point of [await centre(dialog.getByRole('heading', { name: 'Backup and restore' })), { x: 5, y: 5 }]) {
      const stray = await dragFromDesktop(page, join(DOWNLOADS, 'notes.txt'));
      await stray.drop(point);
      const seen = await stray.seen();
      assert.ok(seen.over.length > 0 && seen.over.every(Boolean), `refused at ${JSON.stringify(point)}`);
      assert.deepEqual(seen.drops, [], 'no drop');
    }
    assert.equal(await dialog.locator('#file-name').innerText(), basename(file));

    // Bad input first, each with its own sentence and nothing sent to the Dashboard: a wrong password, a damaged
    // copy of the file, a file that is not a backup, a file changed on disk after it was chosen.
    const bytes = await readFile(file);
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length * 0.75)] ^= 0xff;
    await writeFile(join(DOWNLOADS, 'damaged.dashboard-backup'), damaged);
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
    // As a person would: the picker names the chosen file (the page holds it, with its size and date) before it changes.
    await dialog.getByText('changing.dashboard-backup', { exact: true }).waitFor();
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
    await dev(server.origin, 'POST', 'latency', { ms: 300 });
    await importButton.click();
    await dialog.getByRole('heading', { name: 'Importing into North News' }).waitFor();
    await dialog.locator('ol.phases li[data-state="current"]', { hasText: 'Removing the current content' }).waitFor();
    // While the import changes the unit, the dialog stays open: Close is disabled and says why, and neither
    // Escape (pressed again and again, which Chromium otherwise lets through) nor the backdrop closes it.
    assert.equal(await page.locator('#close-backup').isDisabled(), true, 'Close is disabled');
    const hint = page.getByText('An import is running: the dialog can be closed once it has finished.');
    assert.equal(await hint.isVisible(), true, 'and says why');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await page.mouse.click(5, 5);
    assert.equal(await dialog.isVisible(), true, 'the dialog is still open');
    assert.equal(await dialog.getByRole('tab', { name: 'Export' }).getAttribute('aria-disabled'), 'true');
    // A file dropped on the page meanwhile is refused, and closing the tab asks first.
    const stray = await dragFromDesktop(page, file);
    await stray.drop({ x: 5, y: 5 });
    const strayDrop = await stray.seen();
    assert.ok(strayDrop.over.length > 0 && strayDrop.over.every(Boolean), 'the dragover was refused');
    assert.deepEqual(strayDrop.drops, [], 'no drop');
    const prompts = [];
    page.on('dialog', (prompt) => {
      prompts.push(prompt.type());
      void prompt.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    for (let i = 0; i < 50 && prompts.length === 0; i++) await page.waitForTimeout(100);
    assert.deepEqual(prompts, ['beforeunload'], 'closing the tab during the import asks first');
    assert.equal(page.isClosed(), false, 'and the page stays when the person says no');
    await shot('09b-importing', { dark: true });
    await expectAxeClean(page);
    await dev(server.origin, 'POST', 'latency', { ms: 0 });
    await dialog.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#close-backup').isDisabled(), false, 'Close works again');
    assert.equal(await hint.count(), 0);
    await shot('10-import-done', { dark: true });
    await expectAxeClean(page);
    await checkClean();
    await page.waitForEvent('load', { timeout: 30_000 });
    assert.deepEqual(prompts, ['beforeunload'], 'the reload after the verified import asked nothing');
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
      const dialog = await fillExportForm(page, PASSWORD);
      await dev(server.origin, 'POST', 'latency', { ms: 300 });
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await dialog.getByRole('heading', { name: 'Exporting South News' }).waitFor();
      const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
      await dialog.getByText(/^Reading the unit: [1-9]\d* of \d+$/).waitFor();
      assert.ok((await bar.evaluate((e) => e.value)) > 0, 'the bar moved');
      // The Import tab waits for the export; an export changes nothing, so the dialog can still be closed.
      const importTab = dialog.getByRole('tab', { name: 'Import' });
      assert.equal(await importTab.getAttribute('aria-disabled'), 'true');
      await dialog.getByText('Import is available again once the export finishes or is cancelled.').waitFor();
      await importTab.click({ force: true }); // Playwright itself waits for an aria-disabled element to be enabled
      await dialog.getByRole('heading', { name: 'Exporting South News' }).waitFor();
      assert.equal(await page.locator('#close-backup').isDisabled(), false);
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
