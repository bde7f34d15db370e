// The journal's group commit (src/backup/journal.ts, createStepWriter: the step records written while one
// transaction commits share the next one) under a real crash: the renderer is killed (CDP Page.crash) while a
// transaction holding several step records is still open, so none of them reaches the disk. A new page resumes
// from what was committed and ends exactly at the backup's content: nothing lost, nothing twice. Before resuming,
// the test checks the rule the group commit must not weaken: every change the Dashboard received has a step record
// on disk (a step's request waits for its "started" record's commit), so the journal accounts for every request
// that left the crashed page. (Resume converges from the live unit, so the end state alone would not show a
// request sent ahead of its record: the count does — sending before the commit turns this test red.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { dev, normalizeState, startDemoServer } from './server.mjs';

const PASSWORD = 'crash-in-the-commit-7';
const DATABASE = 'e2e-crash-journal';

describe('a page killed while a group commit of step records is in flight', { timeout: 300_000 }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startDemoServer();
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('resumes from what was committed and ends at the backup exactly, with no duplicate', async () => {
    const { baseUrl } = await dev(server.origin, 'POST', 'worlds', { seed: 'small' });
    const state = async () => (await fetch(`${server.origin}${baseUrl}/__dev/state`)).json();
    const before = await state();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const signalled = new Promise((resolve) => page.on('console', (m) => m.text() === 'CRASH-NOW' && resolve()));
    const crashed = new Promise((resolve) => page.on('crash', resolve));
    // Export the world's unit, change every entity of the backup (an import keeps what already stands as the backup
    // wants it, so over itself unchanged it would send nothing), then import it over the unit; from the 60th step
    // record on, the first transaction that holds two or more records is kept open forever (a chain of reads on it),
    // and the page says so.
    const expected = await page.evaluate(
      async ({ baseUrl, PASSWORD, DATABASE }) => {
        const { createRestClient } = await import('/src/api/index.ts');
        const { exportUnit, openBackup, runImport } = await import('/src/backup/index.ts');
        const client = createRestClient({ baseUrl, token: () => 'admin-token', concurrency: 6 });
        const opened = await openBackup((await exportUnit(client, PASSWORD, { iterations: 100_000 })).blob, PASSWORD);
        const { unlikeItsUnit } = await import('/test/backup/unlike.ts');
        const backup = unlikeItsUnit(opened);
        const realPut = IDBObjectStore.prototype.put;
        const perTransaction = new WeakMap();
        let written = 0;
        let armed = true;
        IDBObjectStore.prototype.put = function (value, key) {
          const request = realPut.call(this, value, key);
          if (this.name !== 'steps' || !armed) return request;
          written += 1;
          const inThis = (perTransaction.get(this.transaction) ?? 0) + 1;
          perTransaction.set(this.transaction, inThis);
          if (written >= 60 && inThis >= 2) {
            armed = false;
            const store = this;
            const hold = () => (store.get('never').onsuccess = hold);
            hold();
            console.log('CRASH-NOW');
          }
          return request;
        };
        void runImport(client, backup, PASSWORD, { database: DATABASE, reload: false, iterations: 100_000 }).catch(() => undefined);
        return backup.payload.unit;
      },
      { baseUrl, PASSWORD, DATABASE },
    );
    await signalled;
    const cdp = await context.newCDPSession(page);
    // Page.crash never answers (the renderer is gone): do not wait for it, wait for the crash.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    // A new page of the same browser profile: its IndexedDB holds what was committed before the crash.
    const next = await context.newPage();
    await next.goto(`${server.origin}/`);
    const journaled = await next.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('steps').objectStore('steps').getAll();
            all.onsuccess = () => {
              resolve(all.result.length);
              open.result.close();
            };
          };
        }),
      DATABASE,
    );
    const sent = (await (await fetch(`${server.origin}${baseUrl}/__dev/log`)).json()).entries.filter((e) => e.mutating).length;
    assert.ok(sent > 0, 'the import had sent changes before the crash');
    assert.ok(journaled >= sent, `${sent} changes reached the Dashboard, but only ${journaled} steps are on disk`);
    const result = await next.evaluate(
      async ({ baseUrl, PASSWORD, DATABASE }) => {
        const { createRestClient } = await import('/src/api/index.ts');
        const { resumeImport } = await import('/src/backup/index.ts');
        const client = createRestClient({ baseUrl, token: () => 'admin-token' });
        const r = await resumeImport(client, PASSWORD, { database: DATABASE, reload: false, iterations: 100_000 });
        return { verified: r.verified, counts: r.counts };
      },
      { baseUrl, PASSWORD, DATABASE },
    );
    assert.equal(result.verified, true);
    const after = await state();
    assert.deepEqual(
      [after.plugins.length, after.workspaces.length, after.profiles.length, after.keys.length],
      [before.plugins.length, before.workspaces.length, before.profiles.length, before.keys.length],
    );
    assert.deepEqual(normalizeState(after), normalizeState(expected));
    await context.close();
  });
});
