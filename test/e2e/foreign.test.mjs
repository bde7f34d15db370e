// End-to-end against a Dashboard that is not our mirror: the demo page with ?dashboard=foreign talks to a world of
// the reference server's foreign personality (literal JSON seed with fields our schemas do not know, 20 items a
// page, ULID/UUID ids, key store listed by name). A person exports South News and imports the file into North News;
// afterwards North News lists everything in South News's order — on the page and in the stored state.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT, fillExportForm, gotoStrict, openBackup, openCheckedPage, signIn, startDemoServer } from './server.mjs';

const DOWNLOADS = join(ROOT, 'test-results', 'downloads');
const PASSWORD = 'foreign-kettle-sunrise-7';

/** Object keys sorted, recursively (Object.fromEntries defines keys, so "__proto__" stays data). */
const sortKeys = (v) =>
  Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
const withoutId = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'id'));

/** A raw stored unit without server ids, profiles naming workspaces by position, keys by name: no schema involved. */
function rawView(state) {
  const position = new Map(state.workspaces.map((w, i) => [w.id, i]));
  return JSON.stringify(
    sortKeys({
      plugins: state.plugins.map(withoutId),
      workspaces: state.workspaces.map((w) => ({ ...withoutId(w), applications: w.applications.map(withoutId) })),
      profiles: state.profiles.map((p) => ({ ...withoutId(p), workspaces: p.workspaces.map((id) => position.get(id)) })),
      keys: [...state.keys].sort((a, b) => (a.key < b.key ? -1 : 1)),
    }),
  );
}

/** The order of every list (keys aside: the key store's order is not part of the state). */
function orderView(state) {
  const position = new Map(state.workspaces.map((w, i) => [w.id, i]));
  return {
    plugins: state.plugins.map((p) => p.bundle),
    workspaces: state.workspaces.map((w) => `${w.name} · ${w.owner}`),
    profiles: state.profiles.map((p) => `${p.name} → ${p.workspaces.map((id) => position.get(id)).join(',')}`),
  };
}

describe('the demo against a foreign Dashboard', () => {
  let server;
  let browser;

  before(async () => {
    await mkdir(DOWNLOADS, { recursive: true });
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Exports South News of a foreign world seeded `seed` and imports it into North News through the demo page;
   * resolves to both units' raw states and the workspace names the page shows after the reload.
   */
  async function roundTrip(seed) {
    const { page, checkClean, context } = await openCheckedPage(
      browser,
      { acceptDownloads: true, viewport: { width: 1100, height: 1300 } },
      { ignoreConsole: /401 \(Unauthorized\)/ },
    );
    await gotoStrict(page, `${server.origin}/?dashboard=foreign&seed=${seed}`);
    await page.getByRole('heading', { name: 'Not signed in' }).waitFor();
    const world = new URL(page.url()).searchParams.get('world');
    assert.match(world ?? '', /^[a-z0-9]+$/i, 'the page made a foreign world and keeps it in its URL');
    assert.equal(await page.getByLabel('Dashboard').inputValue(), 'foreign');
    const state = async (unit) => (await fetch(`${server.origin}/api/worlds/${world}/__dev/state?unit=${unit}`)).json();
    const south = await state('south-news');

    await signIn(page, 'admin', 'south-news');
    await page.getByRole('heading', { name: 'South News', level: 1 }).waitFor();
    await openBackup(page);
    const dialog = await fillExportForm(page, PASSWORD);
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    const file = join(DOWNLOADS, `foreign-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await dialog.getByRole('heading', { name: 'Backup ready' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await signIn(page, 'admin', 'north-news');
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('world'), world, 'still the same foreign world');
    await openBackup(page);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('tab', { name: 'Import' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByLabel('Password of the backup').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Validate' }).click();
    await dialog.getByRole('heading', { name: 'Review before importing' }).waitFor();
    await dialog.getByLabel('Type North News to confirm').fill('North News');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Import complete' }).waitFor({ timeout: 120_000 });
    await page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('heading', { name: 'North News', level: 1 }).waitFor();
    const shown = await page.locator('#workspace-list .card-title').allTextContents();
    await checkClean();
    await context.close();
    return { south, north: await state('north-news'), shown };
  }

  for (const seed of ['small', 'large']) {
    it(`${seed} seed: exports South News and imports it into North News: verified, every list in the same order, foreign ids`, async () => {
      const { south, north, shown } = await roundTrip(seed);
      assert.deepEqual(orderView(north), orderView(south), 'every list in the backup order');
      assert.deepEqual(shown, south.workspaces.map((w) => w.name), 'the page lists the workspaces in the backup order');
      for (const w of north.workspaces) assert.match(w.id, /^ws_01HF[0-9A-Z]{22}$/);
      for (const p of north.plugins) assert.match(p.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    });

      it(`${seed} seed: the round trip is exact: every field, unknown ones included`, async () => {
      const { south, north } = await roundTrip(seed);
      assert.equal(rawView(north), rawView(south));
    });
  }
});
