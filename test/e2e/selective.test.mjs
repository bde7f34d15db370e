// End-to-end through the demo, as an admin new to this browser (fresh profile, no journal): a colleague broke one
// workspace of South News after the backup was made; the admin validates the backup, chooses "Choose what to
// restore", finds the workspace with the search (state "changed"), reviews the preview (only that workspace
// changes), confirms, and sees it verified. The server's state is then checked: that workspace is the backup's
// again, and every other entity is byte for byte as it was (same id and fields, same order). Strict CSP, no
// console error, axe-clean chooser and preview.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
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
  openBackup,
  openCheckedPage,
  screenshot,
  signIn,
  startDemoServer,
} from './server.mjs';

const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'lantern-orchard-mist-4';
const EXPECTED_CONSOLE = /401 \(Unauthorized\)/;

describe('selective restore through the demo', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let backupFile;

  const unitState = () => dev(server.origin, 'GET', 'state?unit=south-news');
  /** A colleague's write through the API with their own token. */
  const api = async (method, path, body) => {
    const response = await fetch(`${server.origin}/api/units/south-news/${path}`, {
      method,
      headers: { authorization: 'Bearer admin-token', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    assert.ok(response.ok, `${method} ${path} → ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  };

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    await mkdir(DOWNLOADS, { recursive: true });
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
    await dev(server.origin, 'POST', 'reset', { seed: 'small' });
    const { page, context, checkClean } = await openCheckedPage(browser, { acceptDownloads: true }, { ignoreConsole: EXPECTED_CONSOLE });
    await gotoStrict(page, server.origin);
    await signIn(page, 'admin', 'south-news');
    await openBackup(page);
    const dialog = await fillExportForm(page, PASSWORD);
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    backupFile = join(DOWNLOADS, `selective-${download.suggestedFilename()}`);
    await download.saveAs(backupFile);
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await checkClean();
    await context.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('restores just the broken workspace; the rest of the unit is unchanged', async () => {
    // The colleague breaks a workspace no profile lists: deleted, and created again with other content.
    const original = await unitState();
    const listed = new Set(original.profiles.flatMap((p) => p.workspaces));
    const victim = original.workspaces.find((w) => !listed.has(w.id));
    assert.ok(victim, 'the small seed has a workspace no profile lists');
    await api('DELETE', `workspaces/${victim.id}`);
    const { id: _id, applications, ...rest } = victim;
    await api('POST', 'workspaces', { ...rest, layout: 'broken-layout', applications: applications.slice(0, 1).map(({ id: _a, ...a }) => a) });
    const broken = await unitState();
    const label = `${victim.name} (${victim.owner})`;

    const { page, context, checkClean } = await openCheckedPage(browser, { viewport: { width: 1100, height: 1400 } }, { ignoreConsole: EXPECTED_CONSOLE });
    try {
      await gotoStrict(page, server.origin);
      await signIn(page, 'admin', 'south-news');
      await openBackup(page);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Continue' }).click();
      await dialog.getByRole('tab', { name: 'Import' }).click();
      await dialog.locator('input[type="file"]').setInputFiles(backupFile);
      await dialog.getByLabel('Password of the backup').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Validate' }).click();
      await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor();
      await dialog.getByRole('button', { name: 'Choose what to restore' }).click();
      await dialog.getByRole('heading', { name: 'Choose what to restore' }).waitFor();
      await dialog.getByLabel('Search the backup').fill(victim.name);
      const box = dialog.getByRole('checkbox', { name: label, exact: true });
      const row = dialog.locator('.entity').filter({ has: page.getByRole('checkbox', { name: label, exact: true }) });
      assert.equal((await row.locator('.state').innerText()).trim(), 'changed');
      await box.check();
      await screenshot(page, 'selective-01-choose');
      await expectAxeClean(page);
      await dialog.getByRole('button', { name: 'Review 1 chosen item' }).click();
      await dialog.getByRole('heading', { name: 'Review before restoring' }).waitFor();
      const chosen = await dialog.locator('ul.chosen li').allInnerTexts();
      assert.deepEqual(chosen.map((t) => t.trim()), [`${label} changed`]);
      assert.equal(await dialog.locator('ul.dependencies').count(), 0, 'no dependency');
      const rows = await dialog.locator('table.plan tbody tr').allInnerTexts();
      assert.deepEqual(rows.map((r) => r.split(/\s+/).join(' ')), ['Plugins 0 0 0', 'Workspaces 1 1 0', 'Profiles 0 0 0', 'Configs in key store 0 0 0'].map((r) => r));
      await screenshot(page, 'selective-02-preview');
      await expectAxeClean(page);
      await page.evaluate(() => {
        document.addEventListener('backup-import-done', (e) => (window.__importDone = e.detail), { once: true });
      });
      await dialog.getByRole('button', { name: 'Restore the chosen items' }).click();
      await dialog.getByRole('heading', { name: 'Selective restore complete' }).waitFor({ timeout: 180_000 });
      await screenshot(page, 'selective-03-done');
      const detail = await page.evaluate(() => window.__importDone);
      assert.equal(detail.mode, 'selective');
      assert.equal(detail.differences, 0);
      assert.deepEqual(detail.restored, { plugins: [], workspaces: [label], profiles: [], keys: [] });

      const after = await unitState();
      const restored = after.workspaces.at(-1);
      assert.equal(restored.name, victim.name);
      const strip = (w) => ({ ...w, id: undefined, applications: w.applications.map((a) => ({ ...a, id: undefined })) });
      assert.deepEqual(strip(restored), strip(victim), 'the workspace is the backup’s again');
      const brokenId = broken.workspaces.at(-1).id;
      assert.deepEqual(after.workspaces.slice(0, -1), broken.workspaces.filter((w) => w.id !== brokenId), 'other workspaces: same ids, fields, order');
      for (const s of ['plugins', 'profiles', 'keys']) assert.deepEqual(after[s], broken[s], `${s} byte for byte unchanged`);
      await page.waitForEvent('load', { timeout: 30_000 });
      await checkClean();
    } finally {
      await context.close();
    }
  });
});
