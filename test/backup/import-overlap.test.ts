// runImport makes both files' key work (the safety snapshot's and the backup's), and the backup's whole file, while
// it reads the unit in preflight: the reference server holds that read (dev control `hold`) until the key slots are
// demonstrably made. A preflight that fails meanwhile stops that work, changes nothing and leaves no rejection
// unhandled. Seen through WebCrypto itself (key-work.ts), never by timing.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { resetWorkerPool } from '../../src/worker/pool.js';
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, normalizeState, uniqueDatabase, unlikeItsUnit } from './helpers.js';
import { afterPendingReports, watchKeyWork, type KeyWork } from './key-work.js';

const opts = { iterations: TEST_ITERATIONS, reload: false } as const;
const LISTS = 4;
const isList = (path: string): boolean => /^\/units\/[^/]+\/(plugins|workspaces|profiles|keys)$/.test(path.split('?')[0]!);

describe('import: key work during the preflight read', () => {
  let world: World;
  let watch: KeyWork | undefined;
  let backup: OpenedBackup;
  /** Requests an import sends before its preflight read (session check, restore lock where offered). */
  let beforeRead: number;
  beforeEach(async () => {
    resetWorkerPool();
    world = await createWorld('small');
    const own = await openBackup((await exportUnit(world.client(), PASSWORD, opts)).blob, PASSWORD);
    // A rehearsal over the unit the backup was made of: it keeps everything and changes nothing, and its log shows
    // where the preflight read begins.
    await world.dev('DELETE', 'log');
    await runImport(world.client(), own, PASSWORD, { ...opts, database: uniqueDatabase() });
    beforeRead = (await world.log()).findIndex((e) => e.method === 'GET' && isList(e.path));
    expect(beforeRead).to.be.above(0);
    backup = unlikeItsUnit(own);
    await world.dev('DELETE', 'log');
  });
  afterEach(async () => {
    watch?.stop();
    watch = undefined;
    await world.dev('DELETE', 'hold');
    await world.drop();
    resetWorkerPool();
  });

  it('makes both files’ key slots while the unit is read, then restores exactly', async () => {
    watch = watchKeyWork();
    await world.dev('POST', 'hold', { after: beforeRead });
    const phases: string[] = [];
    const imported = runImport(world.client(), backup, PASSWORD, {
      ...opts,
      database: uniqueDatabase(),
      onProgress: (p) => void (phases.at(-1) !== p.phase && phases.push(p.phase)),
    });
    await world.dev('GET', `hold?held=${LISTS}`);
    // Without the overlap the slots are made only after the read: this would never resolve while the reads are held.
    await watch.whenWrapped(2);
    expect(watch.wrapped, 'one password slot per file: the snapshot and the backup').to.deep.equal([1, 1]);
    expect(phases, 'still reading').to.deep.equal(['preflight', 'fetch']);
    expect((await world.mutations()).filter((e) => !e.path.includes('restore-lock')), 'nothing written yet').to.deep.equal([]);
    await world.dev('DELETE', 'hold');
    const result = await imported;
    expect(result.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    await afterPendingReports();
    expect(watch.unhandled).to.deep.equal([]);
  });

  it('a preflight that fails while the keys are derived changes nothing and leaves no rejection unhandled', async () => {
    watch = watchKeyWork({ gate: true });
    // A backup of another unit, not confirmed as such: refused once the unit is read, before anything is written.
    const foreign: OpenedBackup = {
      ...backup,
      payload: { ...backup.payload, manifest: { ...backup.payload.manifest, unit: { ...backup.payload.manifest.unit, id: 'another-unit' } } },
    };
    const imported = rejectionOf(runImport(world.client(), foreign, PASSWORD, { ...opts, database: uniqueDatabase() }));
    const first = await Promise.race([watch.called.then(() => 'derivation'), imported.then(() => 'failure')]);
    expect(first, 'the derivation started before the preflight ended').to.equal('derivation');
    expect((await imported).code).to.equal('UNIT_MISMATCH');
    watch.release(); // PBKDF2 cannot be stopped inside WebCrypto: its result arrives after the refusal
    await watch.settled;
    await afterPendingReports();
    expect(watch.unhandled).to.deep.equal([]);
    expect((await world.mutations()).filter((e) => !e.path.includes('restore-lock'))).to.deep.equal([]);
  });
});
