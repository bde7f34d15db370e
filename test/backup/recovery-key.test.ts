// Restoring with only the recovery key: the export adds a recovery-key slot; opening, importing (stopped part-way,
// so the journal holds the snapshot and the backup) and resuming all take the recovery key alone; and neither the
// recovery key (in any written form) nor a key derived from it appears in a request, IndexedDB or Web Storage.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, planImport, resumeImport, runImport } from '../../src/backup/index.js';
import { formatRecoveryKey, generateRecoveryKey } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { captureRequests, containsBytes, deriveFileKeys, dumpIndexedDb, dumpWebStorage, expectCaptureComplete, textForms } from './capture.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, uniqueDatabase, unlikeItsUnit } from './helpers.js';

describe('recovery key (engines)', () => {
  it('exports with a recovery key, then opens, imports and resumes with it alone; it is never stored or sent', async () => {
    const world = await createWorld('empty');
    await buildTinyUnit(world.client());
    await world.clearLog();
    const database = uniqueDatabase();
    const recoveryKey = generateRecoveryKey();
    const recoveryText = formatRecoveryKey(recoveryKey);
    const options = { iterations: TEST_ITERATIONS, database, reload: false, stepRetries: 0 } as const;
    const capture = captureRequests();
    const dumps: { text: string; blobs: Uint8Array[] }[] = [];
    const storage: string[] = [];
    let exported: Uint8Array;
    try {
      await expectMistypedKeyRefusedBeforeAnyRequest(world, recoveryText);
      const result = await exportUnit(world.client(), PASSWORD, { iterations: TEST_ITERATIONS, recoveryKey: recoveryText });
      exported = new Uint8Array(await result.blob.arrayBuffer());
      // Changed everywhere, so the import has every change to make (it keeps what stands as the backup wants it).
      const backup = unlikeItsUnit(await openBackup(result.blob, recoveryText.toLowerCase()));
      await planImport(world.client(), backup);
      await world.faults({ kind: '500', when: 'before', nth: 8 });
      expect((await rejectionOf(runImport(world.client(), backup, recoveryText, options))).code).to.equal('IMPORT_INCOMPLETE');
      dumps.push(await dumpIndexedDb());
      storage.push(dumpWebStorage());
      await world.clearFaults();
      expect((await rejectionOf(resumeImport(world.client(), PASSWORD, options))).code).to.be.oneOf([
        'NO_USABLE_KEY_SLOT',
        'WRONG_PASSWORD',
      ]);
      expect((await resumeImport(world.client(), recoveryText, options)).verified).to.equal(true);
      dumps.push(await dumpIndexedDb());
      storage.push(dumpWebStorage());
    } finally {
      capture.stop();
    }
    expectCaptureComplete(capture, world.baseUrl, await world.log());
    const stored = dumps[0]!.blobs;
    expect(stored.length, 'snapshot and backup are stored').to.be.greaterThanOrEqual(2);
    const keys = (await Promise.all([exported!, ...stored].map((f) => deriveFileKeys(f, PASSWORD, recoveryText)))).flat();
    const groups = recoveryText.split('-');
    const forms = [recoveryText, recoveryText.replaceAll('-', ''), recoveryText.toLowerCase(), groups.slice(0, 3).join('-')];
    const clear = [PASSWORD, ...forms, ...textForms(recoveryKey), ...keys.flatMap(textForms)];
    for (const r of capture.sent) {
      const all = `${r.method} ${r.url}\n${r.headers}\n${r.body}`;
      for (const s of clear) expect(all.includes(s), `secret in ${r.method} ${r.url}`).to.equal(false);
    }
    const raw = [recoveryKey, ...forms.map((f) => new TextEncoder().encode(f)), ...keys];
    for (const dump of dumps) {
      for (const s of clear) expect(dump.text.includes(s), 'recovery key in IndexedDB values').to.equal(false);
      for (const blob of dump.blobs) for (const s of raw) expect(containsBytes(blob, s), 'key in a blob').to.equal(false);
    }
    for (const text of storage) for (const s of clear) expect(text.includes(s), 'in Web Storage').to.equal(false);
    await indexedDB.deleteDatabase(database);
  });
});

/** A recovery key with one mistyped group is refused before the export sends anything. */
async function expectMistypedKeyRefusedBeforeAnyRequest(world: Awaited<ReturnType<typeof createWorld>>, key: string) {
  const before = (await world.log()).length;
  const typo = key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const error = await rejectionOf(exportUnit(world.client(), PASSWORD, { iterations: TEST_ITERATIONS, recoveryKey: typo }));
  expect(error.code).to.equal('INVALID_RECOVERY_KEY');
  expect((await world.log()).length, 'no request').to.equal(before);
}
