// End-to-end: a person on the demo page backs up South News and restores the file into North News, through the
// user menu, the dialog, a real download and the file input; then the page reloads and the server holds the backup.
// Runs on a page served with a strict Content-Security-Policy and fails on any violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT, dev, normalizeState, startDemoServer } from './server.mjs';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'amber-kettle-sunrise-9';

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

  /** A page that records CSP violations, page errors and console errors. */
  async function openPage(options = {}) {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 1300 }, ...options });
    // Init scripts are injected by the browser, not the page, so the page's CSP does not block them.
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/401 \(Unauthorized\)/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    const shot = async (name, { dark = false } = {}) => {
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
      if (dark) {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.waitForTimeout(300); // let CSS transitions settle
        await page.screenshot({ path: join(SHOTS, `${name}-dark.png`), fullPage: true });
        await page.emulateMedia({ colorScheme: 'light' });
      }
    };
    const checkClean = async () => {
      const violations = await page.evaluate(() => window.__violations);
      assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
      assert.deepEqual(problems, [], 'no page error');
    };
    return { context, page, shot, checkClean };
  }

  async function signIn(page, user, unit) {
    await page.getByLabel('User', { exact: true }).selectOption(user);
    await page.getByLabel('Unit', { exact: true }).selectOption(unit);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.locator('#user-name').waitFor();
  }

  async function openBackup(page) {
    await page.locator('#user-menu-button').click();
    const items = page.locator('#user-menu button');
    assert.equal((await items.last().textContent()).trim(), 'Backup', 'Backup is the last item of the user menu');
    await items.last().click();
    await page.getByRole('dialog').waitFor();
  }

  it('exports South News and imports the file into North News, as a person would', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, shot, checkClean, context } = await openPage();
    await page.goto(server.origin);
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

    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('heading', { name: 'Export South News' }).waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('Confirm the password').fill(PASSWORD);
    await shot('05-export-form', { dark: true });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    const filename = download.suggestedFilename();
    assert.match(filename, /^south-news.*\.dashboard-backup$/);
    const file = join(DOWNLOADS, filename);
    await download.saveAs(file);
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await shot('06-export-done', { dark: true });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await signIn(page, 'admin', 'north-news');
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();
    await shot('07-north-news-before');

    await openBackup(page);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('tab', { name: 'Import' }).click();
    await dialog.getByRole('heading', { name: 'Import a backup into North News' }).waitFor();
    await shot('08-import-form', { dark: true });
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByLabel('Password of the backup').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor();
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
    assert.equal(await importButton.isDisabled(), true, 'Import waits for the unit name');
    await dialog.getByLabel('Type North News to confirm').fill('North News');
    await shot('09-preview', { dark: true });

    await importButton.click();
    await dialog.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 60_000 });
    await shot('10-import-done', { dark: true });
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

  it('can be used with the keyboard alone: menu, dialog, tabs, export', async () => {
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, shot, checkClean, context } = await openPage();
    await page.goto(server.origin);
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
    await page.goto(server.origin);
    await signIn(page, 'editor', 'south-news');
    await openBackup(page);
    await page.getByRole('dialog').getByRole('heading', { name: 'For administrators only' }).waitFor();
    assert.equal(await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).count(), 0);
    await shot('12-editor', { dark: true });
    await checkClean();
    await context.close();
  });
});
