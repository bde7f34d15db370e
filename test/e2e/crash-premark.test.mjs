// Pre-marked "started" records (src/backup/execute.ts: while a chain link's request is out, the next link's
// "started" record is committed ahead, so the next request leaves as soon as the answer is in) under a real crash:
// the renderer is killed (CDP Page.crash) once such a record is on disk while the link before it is still out, so
// the pre-marked link is never sent. The journal then says "started" for a request the Dashboard never received;
// a new page resumes from it and ends exactly at the backup's content, in the backup's order, with no duplicate.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { dev, normalizeState, startDemoServer } from './server.mjs';

const PASSWORD = 'crash-after-the-premark-3';
const DATABASE = 'e2e-crash-premark';

describe('a page killed with a chain link pre-marked "started" but never sent', { timeout: 300_000 }, () => {
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

  it('resumes to the backup exactly', async () => {
    // The reference server offers no reorder route by default: every collection is created as a chain.
    const { baseUrl } = await dev(server.origin, 'POST', 'worlds', { seed: 'small' });
    const state = async () => (await fetch(`${server.origin}${baseUrl}/__dev/state`)).json();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const signalled = new Promise((resolve) => page.on('console', (m) => m.text().startsWith('CRASH-NOW') && resolve(m.text())));
    const crashed = new Promise((resolve) => page.on('crash', resolve));
    // Export the unit, change every entity (so the import creates everything), import it over the unit through a
    // client that notes its creates by the step their Idempotency-Key names. The first "started" record written for
    // a create whose chain predecessor is out is a pre-mark: from then on no create answer reaches the engine, and
    // once that record's transaction has committed, the page says which step it marked.
    const expected = await page.evaluate(
      async ({ baseUrl, PASSWORD, DATABASE }) => {
        const { createRestClient } = await import('/src/api/index.ts');
        const { exportUnit, openBackup, runImport } = await import('/src/backup/index.ts');
        const rest = createRestClient({ baseUrl, token: () => 'admin-token', concurrency: 6 });
        const opened = await openBackup((await exportUnit(rest, PASSWORD, { iterations: 100_000 })).blob, PASSWORD);
        const { unlikeItsUnit } = await import('/test/backup/unlike.ts');
        const backup = unlikeItsUnit(opened);
        const sent = new Set();
        const answered = new Set();
        let marked;
        const stepOf = (key) => /(create-(plugin|workspace|profile)-\d+)$/.exec(key ?? '')?.[1];
        const predecessor = (step) => step.replace(/\d+$/, (i) => String(Number(i) - 1));
        const client = new Proxy(rest, {
          get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver);
            if (typeof value !== 'function' || !/^create(Plugin|Workspace|Profile)$/.test(String(property))) return value;
            return async (...args) => {
              const step = stepOf(args[2]?.idempotencyKey);
              sent.add(step);
              const result = await value.apply(target, args);
              if (marked) await new Promise(() => undefined);
              answered.add(step);
              return result;
            };
          },
        });
        const realPut = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (value, key) {
          const request = realPut.call(this, value, key);
          const step = this.name === 'steps' && value?.status === 'started' && !marked ? stepOf(value.step) : undefined;
          if (step && !step.endsWith('-0') && sent.has(predecessor(step)) && !answered.has(predecessor(step))) {
            marked = step;
            this.transaction.addEventListener('complete', () => console.log(`CRASH-NOW ${step}`));
          }
          return request;
        };
        void runImport(client, backup, PASSWORD, { database: DATABASE, reload: false, iterations: 100_000 }).catch(() => undefined);
        return backup.payload.unit;
      },
      { baseUrl, PASSWORD, DATABASE },
    );
    const marked = (await signalled).slice('CRASH-NOW '.length);
    const cdp = await context.newCDPSession(page);
    // Page.crash never answers (the renderer is gone): do not wait for it, wait for the crash.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;

    const next = await context.newPage();
    await next.goto(`${server.origin}/`);
    const status = await next.evaluate(
      ({ name, step }) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('steps').objectStore('steps').getAll();
            all.onsuccess = () => {
              resolve(all.result.find((r) => r.step === step)?.status);
              open.result.close();
            };
          };
        }),
      { name: DATABASE, step: marked },
    );
    assert.equal(status, 'started', `${marked} is recorded started`);
    // The Dashboard received the creates of that collection before the marked one, and not the marked one.
    const [, collection, index] = /^create-(\w+)-(\d+)$/.exec(marked);
    const posts = (await (await fetch(`${server.origin}${baseUrl}/__dev/log`)).json()).entries.filter(
      (e) => e.method === 'POST' && e.path.endsWith(`/${collection}s`),
    );
    assert.equal(posts.length, Number(index), `${marked} was never sent`);

    const result = await next.evaluate(
      async ({ baseUrl, PASSWORD, DATABASE }) => {
        const { createRestClient } = await import('/src/api/index.ts');
        const { resumeImport } = await import('/src/backup/index.ts');
        const client = createRestClient({ baseUrl, token: () => 'admin-token' });
        const r = await resumeImport(client, PASSWORD, { database: DATABASE, reload: false, iterations: 100_000 });
        return { verified: r.verified };
      },
      { baseUrl, PASSWORD, DATABASE },
    );
    assert.equal(result.verified, true);
    const after = await state();
    assert.deepEqual(normalizeState(after), normalizeState(expected));
    // Order is state: each list as the backup has it.
    assert.deepEqual(after.plugins.map((p) => p.bundle), expected.plugins.map((p) => p.bundle));
    assert.deepEqual(after.workspaces.map((w) => `${w.name} ${w.owner}`), expected.workspaces.map((w) => `${w.name} ${w.owner}`));
    assert.deepEqual(after.profiles.map((p) => p.name), expected.profiles.map((p) => p.name));
    await context.close();
  });
});
