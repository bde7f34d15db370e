// exportUnit derives its keys while it reads the unit: the reference server holds the reads (dev control `hold`)
// until the key slots are demonstrably made; a cancel or a failed read during that derivation stops it, sends
// nothing more and leaves no rejection unhandled. Seen through WebCrypto itself (key-work.ts), never by timing.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup } from '../../src/backup/index.js';
import { formatRecoveryKey, generateRecoveryKey } from '../../src/format/index.js';
import { resetWorkerPool } from '../../src/worker/pool.js';
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { createWorld, rejectionOf, type World } from '../world.js';
import { WARM_WORKER_READS } from '../../src/backup/export.js';
import type { Progress } from '../../src/backup/types.js';
import { PASSWORD, TEST_ITERATIONS, normalizeState } from './helpers.js';
import { afterPendingReports, watchKeyWork, type KeyWork } from './key-work.js';

const opts = { iterations: TEST_ITERATIONS } as const;
/** The session check passes; the unit's first reads (its four lists) are then held. */
const HOLD_AFTER_SESSION = { after: 1 };
const LISTS = 4;

describe('export: key work during the read', () => {
  let world: World;
  let watch: KeyWork | undefined;
  beforeEach(async () => {
    resetWorkerPool();
    world = await createWorld('small');
  });
  afterEach(async () => {
    watch?.stop();
    watch = undefined;
    await world.dev('DELETE', 'hold');
    await world.drop();
    resetWorkerPool();
  });

  it('makes both key slots while the unit is read, then seals once the read is done', async () => {
    const recoveryKey = formatRecoveryKey(generateRecoveryKey());
    watch = watchKeyWork();
    await world.dev('POST', 'hold', HOLD_AFTER_SESSION);
    const phases: string[] = [];
    const exported = exportUnit(world.client(), PASSWORD, {
      ...opts,
      recoveryKey,
      onProgress: (p) => void (phases.at(-1) !== p.phase && phases.push(p.phase)),
    });
    await world.dev('GET', `hold?held=${LISTS}`);
    // Without the overlap the slots are made only after the read: this would never resolve while the reads are held.
    await watch.whenWrapped(2);
    expect([...watch.wrapped].sort(), 'password and recovery-key slots').to.deep.equal([1, 2]);
    expect(watch.workers.created, 'a small unit loads no Worker').to.equal(0);
    const log = await world.log();
    expect(log.map((e) => e.path), 'only the session was answered').to.deep.equal(['/session']);
    expect(phases).to.deep.equal(['session', 'fetch']);
    await world.dev('DELETE', 'hold');
    const { blob } = await exported;
    expect(phases).to.deep.equal(['session', 'fetch', 'encrypt', 'done']);
    const state = normalizeState(await world.state());
    expect(normalizeState((await openBackup(blob, PASSWORD)).payload.unit)).to.deep.equal(state);
    expect(normalizeState((await openBackup(blob, recoveryKey)).payload.unit)).to.deep.equal(state);
    expect(watch.unhandled).to.deep.equal([]);
  });

  it('a cancel during the derivation is ABORTED: the derivation stops at its next step, nothing is left unhandled', async () => {
    watch = watchKeyWork({ gate: true });
    await world.dev('POST', 'hold', HOLD_AFTER_SESSION);
    const controller = new AbortController();
    const exported = rejectionOf(exportUnit(world.client(), PASSWORD, { ...opts, signal: controller.signal }));
    await Promise.all([watch.called, world.dev('GET', `hold?held=${LISTS}`)]);
    controller.abort();
    expect((await exported).code).to.equal('ABORTED');
    watch.release(); // PBKDF2 cannot be stopped inside WebCrypto: its result arrives after the cancel
    await watch.settled;
    await afterPendingReports();
    expect(watch.wrapped, 'no slot was made after the cancel').to.deep.equal([]);
    expect(watch.unhandled).to.deep.equal([]);
    await world.dev('DELETE', 'hold');
    expect((await world.mutations()).length).to.equal(0);
  });

  it('a read that fails during the derivation rejects with its error and leaves no rejection unhandled', async () => {
    watch = watchKeyWork({ gate: true });
    // Every read after the session check fails, retries included.
    await world.faults({ kind: '500', when: 'before', nth: 2, times: 1000, on: 'all' });
    const exported = rejectionOf(exportUnit(world.client(), PASSWORD, opts));
    const first = await Promise.race([watch.called.then(() => 'derivation'), exported.then(() => 'failure')]);
    expect(first, 'the derivation started before the read failed').to.equal('derivation');
    expect((await exported).code).to.equal('SERVER');
    watch.release();
    await watch.settled;
    await afterPendingReports();
    expect(watch.wrapped, 'no slot was made after the failure').to.deep.equal([]);
    expect(watch.unhandled).to.deep.equal([]);
    expect((await world.mutations()).length).to.equal(0);
  });

  it('starts the format Worker during the read of a large unit, not after it', async () => {
    const large = await createWorld('large');
    try {
      watch = watchKeyWork();
      const controller = new AbortController();
      let last: Progress | undefined;
      let atStart: Progress | undefined;
      void watch.workers.first.then(() => (atStart = last));
      const exported = rejectionOf(
        exportUnit(large.client(), PASSWORD, { ...opts, signal: controller.signal, onProgress: (p) => void (last = { ...p }) }),
      );
      await watch.workers.first;
      expect(atStart?.phase).to.equal('fetch');
      expect(atStart!.total).to.be.at.least(WARM_WORKER_READS);
      expect(atStart!.done, 'reads were left').to.be.below(atStart!.total);
      controller.abort(); // the rest of the large read is not needed here
      expect((await exported).code).to.equal('ABORTED');
      expect(watch.workers.created).to.equal(1);
      expect(watch.workers.writes, 'the Worker was given no work').to.equal(0);
      expect(watch.unhandled).to.deep.equal([]);
    } finally {
      await large.drop();
    }
  });
});
