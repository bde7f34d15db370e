// Zero knowledge through <dashboard-backup>: across an export, a validation, an import stopped part-way and its
// resume, all driven through the element, the password appears in no request, no storage and no event; secret key
// values travel only in the key-store writes that restore them, and configuration values only in the creates that
// restore them; IndexedDB and Web Storage never hold any of them in clear; no event detail carries any of them.
import { expect } from '@open-wc/testing';
import { captureRequests, containsBytes, dumpIndexedDb, dumpWebStorage } from '../backup/capture.js';
import { describe, it } from '../mocha.js';
import { changedEverywhere, continueToTabs, exportThroughElement, input, submitValidate } from './flow.js';
import { button, clearIndexedDb, createWorld, heading, mountBackup, recordEvents, type } from './helpers.js';

const PASSWORD = 'zero-knowledge ✓ harbour';
const SECRETS = ['sk-live-7f3a9c1e-SECRET', 'smtp-Pa55w0rd-SECRET'];
/** Plaintext values that are not secrets but must still never be stored or announced. */
const VALUES = ['plugin-config-VALUE-4711', 'app-config-VALUE-0815', 'https://plain-key-VALUE.example'];
const UNIT = 'south-news';
const encoder = new TextEncoder();

describe('<dashboard-backup> zero knowledge', () => {
  it('keeps the password and every plaintext value out of requests, storage and events (export, import, resume)', async () => {
    await clearIndexedDb();
    const world = await createWorld('empty');
    const client = world.client();
    // One entity per collection: the restore's outcome does not depend on the order creates run in.
    await Promise.all([
      client.putKey(UNIT, { key: 'api.token', value: SECRETS[0]!, secret: true }),
      client.putKey(UNIT, { key: 'smtp.password', value: SECRETS[1]!, secret: true }),
      client.putKey(UNIT, { key: 'api.url', value: VALUES[2]!, secret: false }),
      client.createPlugin(UNIT, {
        bundle: 'com.example.zk', name: 'ZK', version: '1', author: '', manifestUrl: 'https://zk', enabled: true,
        configuration: { marker: VALUES[0]! }, permissions: [], permissionMappings: {}, requirementMappings: { actions: {}, portals: {} },
      }),
    ]);
    const ws = await client.createWorkspace(UNIT, {
      name: 'Desk', owner: 'admin', shared: true, layout: 'l', icon: { text: 'D', color: '#000' },
      applications: [{ plugin: 'com.example.zk', column: 0, position: 0, config: { note: VALUES[1]! } }],
    });
    await client.createProfile(UNIT, { name: 'Editors', roles: ['user'], workspaces: [ws.id] });
    await world.clearLog();

    const capture = captureRequests();
    const recorder = recordEvents();
    const stored: string[] = [];
    const blobs: Uint8Array[] = [];
    const snapshotStorage = async () => {
      const dump = await dumpIndexedDb();
      stored.push(dump.text, dumpWebStorage());
      blobs.push(...dump.blobs);
    };
    try {
      const exporter = await mountBackup(world);
      await continueToTabs(exporter);
      // Changed everywhere, so the import has every change to make (it keeps what already stands as the backup wants).
      const file = await changedEverywhere(await exportThroughElement(exporter, PASSWORD), PASSWORD);
      exporter.remove();

      const el = await mountBackup(world, { unit: 'north-news' });
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      type(input(el, 'confirm-unit'), 'North News');
      await world.faults({ kind: '500', when: 'before', nth: 4, times: 100000 });
      button(el, 'Import').click();
      await heading(el, 'An import into North News did not finish', 60000);
      await snapshotStorage(); // mid-import: the journal, the snapshot and the backup are stored

      await world.clearFaults();
      type(input(el, 'password'), PASSWORD);
      button(el, 'Resume').click();
      await heading(el, 'Import resumed and complete', 60000);
      await snapshotStorage();
    } finally {
      capture.stop();
      recorder.stop();
    }

    // The key-store writes (the only requests allowed to carry a secret) are the backup's three keys, each restored
    // (a write refused by the fault is sent again by the resume).
    const keyWrites = capture.sent.filter((r) => r.method === 'PUT' && r.url.includes('/units/north-news/keys/'));
    const keysWritten = new Set(keyWrites.map((r) => decodeURIComponent(r.url.split('/keys/')[1]!)));
    expect([...keysWritten].sort()).to.deep.equal(['api.token', 'api.url', 'smtp.password']);
    for (const r of capture.sent) {
      const where = `${r.url}\n${r.headers}`;
      const all = `${r.method} ${where}\n${r.body}`;
      for (const s of [PASSWORD, encodeURIComponent(PASSWORD)]) expect(all.includes(s), `password in ${r.method} ${r.url}`).to.equal(false);
      for (const s of [...SECRETS, ...VALUES]) {
        expect(where.includes(s), `a value in the URL or headers of ${r.method} ${r.url}`).to.equal(false);
        // Values travel only in the writes that restore them.
        const restoring = (r.method === 'PUT' && r.url.includes('/keys/')) || (r.method === 'POST' && /\/(plugins|workspaces)$/.test(r.url));
        if (!restoring) expect(r.body.includes(s), `a value in ${r.method} ${r.url}`).to.equal(false);
      }
    }
    const clear = [PASSWORD, ...SECRETS, ...VALUES];
    expect(stored.length).to.equal(4);
    for (const text of stored) for (const s of clear) expect(text.includes(s), 'a value in IndexedDB or Web Storage').to.equal(false);
    expect(blobs.length, 'the encrypted snapshot and backup were stored mid-import').to.be.greaterThan(1);
    for (const bytes of blobs) for (const s of clear) expect(containsBytes(bytes, encoder.encode(s)), 'a value in a stored blob').to.equal(false);
    const events = JSON.stringify(recorder.events);
    expect(recorder.events.map((e) => e.type)).to.include.members(['backup-export-done', 'backup-validated', 'backup-error', 'backup-import-done']);
    for (const s of clear) expect(events.includes(s), 'a value in an event detail').to.equal(false);
    await world.drop();
  });
});
