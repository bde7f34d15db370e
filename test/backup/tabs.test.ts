// Two tabs at once: the journal is one per unit and browser, so a second import, resume, rollback or discard of
// the same unit while one runs must be refused before it writes or sends anything. Two calls in one page share
// IndexedDB and Web Locks exactly as two tabs of the origin do.
import { expect } from '@open-wc/testing';
import {
  discardUnfinishedImport,
  exportUnit,
  findUnfinishedImport,
  getSafetySnapshot,
  openBackup,
  resumeImport,
  rollbackImport,
  runImport,
  type OpenedBackup,
} from '../../src/backup/index.js';
import type { DashboardClient } from '../../src/api/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false, confirmOtherUnit: true } as const;

/** The tiny unit's backup, and a `small` world (which differs from it in every section) to import it into. */
async function setUp(): Promise<{ backup: OpenedBackup; world: World; before: unknown }> {
  const source = await createWorld('empty');
  await buildTinyUnit(source.client());
  const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
  await source.drop();
  const world = await createWorld('small');
  return { backup, world, before: normalizeState(await world.state()) };
}

/** How many writes an import of `backup` into a fresh `small` world sends (measured in a world of its own). */
async function countWrites(backup: OpenedBackup): Promise<number> {
  const probe = await createWorld('small');
  await probe.clearLog();
  await runImport(probe.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase() });
  const writes = (await probe.mutations()).length;
  await probe.drop();
  return writes;
}

/** Resolves when `phase` is reported with `done`; the returned listener goes into the engine's `onProgress`. */
function whenPhase(phase: string, done: number): { reached: Promise<void>; onProgress: (p: { phase: string; done: number }) => void } {
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  return { reached, onProgress: (p) => void (p.phase === phase && p.done === done && resolve()) };
}

/** A client whose writes wait for `released` before they are sent. */
function holdWrites(client: DashboardClient, released: Promise<void>): DashboardClient {
  const writes = new Set(['createPlugin', 'setPluginMappings', 'deletePlugin', 'createWorkspace', 'deleteWorkspace', 'createProfile', 'deleteProfile', 'putKey', 'deleteKey']);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !writes.has(String(property))) return value;
      return async (...args: unknown[]) => {
        await released;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('two tabs at once', () => {
  it('two imports started together: one runs, the other is refused; no duplicate, nothing lost', async () => {
    const { backup, world } = await setUp();
    const writes = await countWrites(backup);
    await world.clearLog();
    const database = uniqueDatabase();
    const results = await Promise.allSettled([
      runImport(world.client(), backup, PASSWORD, { ...opts, database }),
      runImport(world.client(), backup, PASSWORD, { ...opts, database }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled.length, rejected.map((r) => String(r.reason)).join(' ')).to.equal(1);
    expect(rejected.map((r) => (r.reason as { code?: string }).code)).to.deep.equal(['IMPORT_RUNNING']);
    const unitWrites = (await world.mutations()).filter((m) => !m.path.endsWith('/no-restore-lock'));
    expect(unitWrites.length, 'the refused import sent no write').to.equal(writes);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    await world.drop();
  });

  it('without Web Locks, the insert-only journal still refuses the second of two imports before it writes', async () => {
    const { backup, world } = await setUp();
    const writes = await countWrites(backup);
    await world.clearLog();
    const database = uniqueDatabase();
    // An own property shadows Navigator.prototype.locks for this page only, as in a browser without the API.
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    let results: PromiseSettledResult<unknown>[];
    try {
      // A Dashboard without the restore lock (404), so that the journal alone must refuse the second import.
      const client = world.client({ routes: { restoreLock: (unit) => `/units/${unit}/no-restore-lock` } });
      results = await Promise.allSettled([
        runImport(client, backup, PASSWORD, { ...opts, database }),
        runImport(client, backup, PASSWORD, { ...opts, database }),
      ]);
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
    expect(navigator.locks, 'Web Locks restored').to.not.equal(undefined);
    expect(results.filter((r) => r.status === 'fulfilled').length).to.equal(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((refused?.reason as { code?: string }).code).to.equal('IMPORT_INCOMPLETE');
    const unitWrites = (await world.mutations()).filter((m) => !m.path.endsWith('/no-restore-lock'));
    expect(unitWrites.length, 'the refused import sent no write').to.equal(writes);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    await world.drop();
  });

  it('while an import runs, another tab can neither discard, roll back nor resume it; its snapshot stays', async () => {
    const { backup, world, before } = await setUp();
    const database = uniqueDatabase();
    // The import stops at its 20th write, so it must still have its journal and its snapshot afterwards. Its
    // writes are held back until the other tab has tried everything, so it is surely running meanwhile.
    await world.faults({ kind: '500', when: 'before', nth: 20 });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const journaled = whenPhase('snapshot', 1);
    const held = holdWrites(world.client(), released);
    const running = rejectionOf(runImport(held, backup, PASSWORD, { ...opts, database, stepRetries: 0, onProgress: journaled.onProgress }));
    await journaled.reached;
    const other = { ...opts, database };
    expect((await findUnfinishedImport({ database }))?.busy, 'reported as running elsewhere').to.equal(true);
    const refusals = [
      await rejectionOf(discardUnfinishedImport({ database })),
      await rejectionOf(rollbackImport(world.client(), PASSWORD, other)),
      await rejectionOf(resumeImport(world.client(), PASSWORD, other)),
      await rejectionOf(runImport(world.client(), backup, PASSWORD, other)),
    ];
    for (const e of refusals) expect(e.code).to.equal('IMPORT_RUNNING');
    for (const e of refusals) expect(e.message).to.match(/running in another tab/);
    expect(await world.mutations(), 'nothing was sent while the writes were held').to.deep.equal([]);
    release();
    expect((await running).code).to.equal('IMPORT_INCOMPLETE');
    await world.clearFaults();
    const unfinished = await findUnfinishedImport({ database });
    expect(unfinished, 'the journal of the stopped import').to.include({ mode: 'import', status: 'running', busy: false });
    const snapshot = await getSafetySnapshot({ database });
    expect(snapshot, 'the safety snapshot').to.not.equal(undefined);
    expect(normalizeState((await openBackup(snapshot!.blob, PASSWORD)).payload.unit)).to.deep.equal(before);
    // Now that nothing runs, the rollback goes ahead and restores the unit exactly.
    const rolledBack = await rollbackImport(world.client(), PASSWORD, other);
    expect(rolledBack.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(before);
    await world.drop();
  });

  it('two tabs resuming the same import: one resumes, the other is refused; no duplicate', async () => {
    const { backup, world } = await setUp();
    // Every write from the 4th last on is applied and then answered with a 500: the import stops in its creates.
    const writes = await countWrites(backup);
    const database = uniqueDatabase();
    await world.faults({ kind: '500', when: 'after', nth: writes - 3, times: 1000 });
    expect((await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database, stepRetries: 0 }))).code).to.equal(
      'IMPORT_INCOMPLETE',
    );
    await world.clearFaults();
    const results = await Promise.allSettled([
      resumeImport(world.client(), PASSWORD, { ...opts, database }),
      resumeImport(world.client(), PASSWORD, { ...opts, database }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).to.equal(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((refused?.reason as { code?: string }).code).to.equal('IMPORT_RUNNING');
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    expect((await world.state()).workspaces.length).to.equal(backup.counts.workspaces);
    await world.drop();
  });
});
