// The offline inspector page as shipped (registered by test/e2e/embed.test.mjs, which builds and packs once): the
// tarball's dist/inspect.html — the page README.md documents for opening a backup with no server — opened as a
// file:// URL in Chromium, offline, every request outside the extracted package's dist/ refused from the start. It
// opens a backup with two key slots (golden v2) once with the password and once with the recovery key (typed as a
// person might: lower case, spaces) and shows its contents. Only the documented page is named, not its scripts or
// chunks, so splitting the bundle keeps this test valid.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { ROOT, openCheckedPage } from './server.mjs';

const FIXTURES = join(ROOT, 'test/fixtures');
/** The golden v2 vector with a password slot and a recovery-key slot; its plaintext is the golden unit. */
const VECTOR = JSON.parse(await readFile(join(FIXTURES, 'golden-v2.json'), 'utf8')).vectors.find((v) => v.file === 'golden-v2-recovery.dashboard-backup');
const PLAINTEXT = JSON.parse(await readFile(join(FIXTURES, VECTOR.plaintextFile), 'utf8'));

/** Registers the test; `packed()` returns what buildAndPack resolved to. */
export function describeOfflineInspector(packed) {
  describe('the shipped offline inspector, from file://, with no network', () => {
    let browser;

    before(async () => {
      browser = await chromium.launch(chromiumLaunchOptions());
    });

    after(async () => {
      await browser?.close();
    });

    it('dist/inspect.html opens a backup with its password, then with its recovery key, and shows its contents', async () => {
      const dist = pathToFileURL(join(packed().pkg, 'dist')).href + '/';
      const { context, page, checkClean } = await openCheckedPage(browser, { viewport: { width: 1100, height: 900 } });
      try {
        await context.setOffline(true);
        const refused = [];
        // Playwright routes file:// loads too: the package's own files go through, anything else is refused.
        await context.route('**/*', (route) => {
          if (route.request().url().startsWith(dist)) return route.continue();
          refused.push(route.request().url());
          return route.abort('blockedbyclient');
        });
        await page.goto(`${dist}inspect.html`, { waitUntil: 'load' });
        await page.getByRole('heading', { name: 'Open a backup' }).waitFor();
        const { manifest, unit } = PLAINTEXT;
        const secrets = [
          ['password', VECTOR.password],
          ['recovery key', VECTOR.recoveryKey.replace(/-$/, '').toLowerCase().replaceAll('-', ' ')],
        ];
        for (const [what, secret] of secrets) {
          await page.locator('backup-inspector-opener.open input[type=file]').setInputFiles(join(FIXTURES, VECTOR.file));
          await page.getByLabel('Password or recovery key', { exact: true }).fill(secret);
          await page.getByRole('button', { name: 'Open backup' }).click();
          await page.getByRole('heading', { name: `Backup of ${manifest.unit.name}` }).waitFor();
          const fields = await page.locator('[part=manifest] dl').innerText();
          assert.ok(fields.includes(`${manifest.unit.name} (${manifest.unit.id})`), `opened with the ${what}: the manifest is shown`);
          const tree = page.locator('backup-inspector-tree');
          for (const p of unit.plugins.slice(0, 2)) {
            await tree.locator('section[data-section=plugins] summary', { hasText: p.bundle }).first().waitFor();
          }
          await page.getByRole('button', { name: 'Close backup' }).click();
          await page.getByRole('heading', { name: 'Open a backup' }).waitFor();
        }
        assert.deepEqual(refused, [], 'no request beyond the package’s own files');
        await checkClean();
      } finally {
        await context.close();
      }
    });
  });
}
