// Zero knowledge: during export, validate (open + plan) and import (stopped part-way, then resumed), no request
// carries the password or a derived key, secret values travel only in the key-store writes that restore them, and
// IndexedDB and Web Storage never hold the password, a derived key or a secret value in clear; what IndexedDB
// keeps of a backup or snapshot is an encrypted backup file.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, planImport, resumeImport, runImport } from '../../src/backup/index.js';
import { MAGIC } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import {
  captureRequests,
  containsBytes,
  deriveFileKeys,
  dumpIndexedDb,
  dumpWebStorage,
  expectCaptureComplete,
  textForms,
  type IndexedDbDump,
} from './capture.js';
import { PASSWORD, TEST_ITERATIONS, TINY_SECRETS, buildTinyUnit, uniqueDatabase, unlikeItsUnit } from './helpers.js';

const encoder = new TextEncoder();

describe('zero knowledge', () => {
  it('the password, derived keys and secrets appear in no request, no IndexedDB value and no Web Storage', async () => {
    const world = await createWorld('empty');
    await buildTinyUnit(world.client());
    await world.clearLog();
    const database = uniqueDatabase();
    const options = { iterations: TEST_ITERATIONS, database, reload: false, stepRetries: 0 } as const;
    const capture = captureRequests();
    const stored: IndexedDbDump[] = []; // every database of the origin, mid-import and after
    const journal: IndexedDbDump[] = []; // this import's database alone
    const storage: string[] = [];
    let exportedFile: Uint8Array;
    try {
      const exported = await exportUnit(world.client(), PASSWORD, { iterations: TEST_ITERATIONS });
      exportedFile = new Uint8Array(await exported.blob.arrayBuffer());
      // Changed everywhere, so the import has every change to make (it keeps what stands as the backup wants it).
      const backup = unlikeItsUnit(await openBackup(exported.blob, PASSWORD));
      await planImport(world.client(), backup);
      // Stop the import part-way so the journal, the snapshot and the stored backup are in IndexedDB; then resume.
      await world.faults({ kind: '500', when: 'before', nth: 8 });
      expect((await rejectionOf(runImport(world.client(), backup, PASSWORD, options))).code).to.equal('IMPORT_INCOMPLETE');
      stored.push(await dumpIndexedDb());
      journal.push(await dumpIndexedDb(database));
      storage.push(dumpWebStorage());
      await world.clearFaults();
      expect((await resumeImport(world.client(), PASSWORD, options)).verified).to.equal(true);
      stored.push(await dumpIndexedDb());
      journal.push(await dumpIndexedDb(database));
      storage.push(dumpWebStorage());
    } finally {
      capture.stop();
    }
    expectCaptureComplete(capture, world.baseUrl, await world.log());
    expect(capture.sent.filter((r) => r.method === 'POST').length, 'the import was captured').to.be.greaterThan(4);

    // Every backup file the page made: the export, and the safety snapshot and backup the journal kept.
    const midImport = journal[0]!;
    expect(midImport.blobs.length, 'snapshot and backup are stored').to.equal(2);
    for (const bytes of midImport.blobs) expect([...bytes.slice(0, MAGIC.length)]).to.deep.equal([...MAGIC]);
    const keys = (await Promise.all([exportedFile!, ...midImport.blobs].map((f) => deriveFileKeys(f, PASSWORD)))).flat();
    expect(new Set(keys.map((k) => textForms(k)[0])).size, 'every file has keys of its own').to.equal(12); // v2: slot KEK, file key, MAC key, payload key

    const clearForms = [PASSWORD, encodeURIComponent(PASSWORD), ...keys.flatMap(textForms)];
    for (const r of capture.sent) {
      const all = `${r.method} ${r.url}\n${r.headers}\n${r.body}`;
      for (const s of clearForms) expect(all.includes(s), `password or key in ${r.method} ${r.url}`).to.equal(false);
      // Secret values travel only in the bodies of key-store writes, which is how they are restored.
      for (const s of TINY_SECRETS) {
        if (!(r.method === 'PUT' && r.url.includes('/keys/'))) expect(all.includes(s), `secret in ${r.method} ${r.url}`).to.equal(false);
        expect(`${r.url}\n${r.headers}`.includes(s), `secret in URL/headers of ${r.method} ${r.url}`).to.equal(false);
      }
    }
    for (const dump of stored) {
      expect(dump.cryptoKeys, 'CryptoKeys in IndexedDB').to.equal(0);
      for (const s of [...clearForms, ...TINY_SECRETS]) expect(dump.text.includes(s), 'secret in IndexedDB values').to.equal(false);
      const rawSecrets = [...[PASSWORD, ...TINY_SECRETS].map((s) => encoder.encode(s)), ...keys];
      for (const bytes of dump.blobs) {
        for (const s of rawSecrets) expect(containsBytes(bytes, s), 'secret or key in an IndexedDB blob').to.equal(false);
      }
      // No workspace, plugin, profile or key name is stored in clear either.
      for (const name of ['com.example.provider', 'Desk', 'Editors', 'smtp.password']) {
        expect(dump.text.includes(name), `${name} in IndexedDB values`).to.equal(false);
        for (const bytes of dump.blobs) expect(containsBytes(bytes, encoder.encode(name))).to.equal(false);
      }
    }
    for (const text of storage) {
      for (const s of [...clearForms, ...TINY_SECRETS]) expect(text.includes(s), 'secret in Web Storage').to.equal(false);
    }
    expect(journal[1]!.blobs, 'the verified import left no blob behind').to.deep.equal([]);
    expect(journal[1]!.text.trim(), 'nor any record').to.equal('[]\n[]\n[]');
    await indexedDB.deleteDatabase(database);
  });
});
