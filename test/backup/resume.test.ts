// Interrupted imports: resume from any point (a reload is a new client reading the journal), roll back to the
// safety snapshot, download it, discard the journal.
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
} from '../../src/backup/index.js';
import type { OpenedBackup } from '../../src/backup/index.js';
import type { DashboardClient } from '../../src/api/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, runLimited, uniqueDatabase, unlikeItsUnit } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false } as const;

/** The backup of a tiny unit (made in its own world). */
async function tinyBackup(): Promise<OpenedBackup> {
  const world = await createWorld('empty');
  await buildTinyUnit(world.client());
  return openBackup((await exportUnit(world.client(), PASSWORD, opts)).blob, PASSWORD);
}

/** Starts an import of `backup` into `world` and aborts it after `count` progress reports of `phase`. */
async function interrupt(world: World, backup: OpenedBackup, database: string, phase: string, count: number) {
  const controller = new AbortController();
  let seen = 0;
  return rejectionOf(
    runImport(world.client(), backup, PASSWORD, {
      ...opts,
      database,
      confirmOtherUnit: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === phase && ++seen >= count) controller.abort();
      },
    }),
  );
}

/** The client methods that change a unit. */
const WRITES = new Set(['createPlugin', 'setPluginMappings', 'deletePlugin', 'createWorkspace', 'deleteWorkspace', 'createProfile', 'deleteProfile', 'putKey', 'deleteKey']);

/** A client that awaits `before()` ahead of every write it forwards. */
function watchWrites(client: DashboardClient, before: () => Promise<void>): DashboardClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !WRITES.has(String(property))) return value;
      return async (...args: unknown[]) => {
        await before();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('resume, rollback, snapshot', () => {
  it('stores the encrypted safety snapshot before the first write, and journals every step before and after its request', async () => {
    const backup = await tinyBackup();
    const world = await createWorld('small');
    const before = normalizeState(await world.state());
    const database = uniqueDatabase();
    const seen: { done: number; started: number }[] = [];
    let snapshot: Blob | undefined;
    const client = watchWrites(world.client(), async () => {
      snapshot ??= (await getSafetySnapshot({ database }))?.blob;
      const journal = await findUnfinishedImport({ database });
      seen.push({ done: journal?.steps.done ?? -1, started: journal?.steps.started ?? -1 });
    });
    // Every "started" record written, by step: one per step, whether written before its request or pre-marked
    // while the step it waited for was out (execute.ts).
    const startedWrites = new Map<string, number>();
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const record = value as { status?: string; step?: string } | undefined;
      if (this.name === 'steps' && record?.status === 'started') startedWrites.set(record.step!, (startedWrites.get(record.step!) ?? 0) + 1);
      return realPut.call(this, value, key);
    };
    let result: Awaited<ReturnType<typeof runImport>>;
    try {
      // One step at a time, so the journal can be read exactly as each request leaves.
      result = await runImport(client, backup, PASSWORD, { ...opts, database, confirmOtherUnit: true, concurrency: 1 });
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(result.verified).to.equal(true);
    expect(snapshot, 'the snapshot exists when the first write is sent').to.not.equal(undefined);
    expect(normalizeState((await openBackup(snapshot!, PASSWORD)).payload.unit)).to.deep.equal(before);
    const requests = (await world.mutations()).length;
    expect(seen.length).to.equal(requests);
    // When request k leaves, its own step and the k steps before it are on disk ("started" or "done"), and those k
    // are recorded done — all but the one whose answer it followed, whose "done" may be committing beside it.
    seen.forEach(({ done, started }, k) => {
      expect(done + started, `request ${k}: steps on disk`).to.be.at.least(k + 1);
      expect(done, `request ${k}: steps done`).to.be.within(k - 1, k);
    });
    // One "started" record per request: a pre-marked step that is then sent writes no second one.
    expect(startedWrites.size).to.equal(requests);
    expect([...startedWrites.values()].every((n) => n === 1)).to.equal(true);
  });


  it('resumes an import cancelled at any point of the wipe or the create phase', async () => {
    const source = await createWorld('small');
    // Changed everywhere: the import keeps nothing, so every wipe and create point is there to interrupt.
    const backup = unlikeItsUnit(await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD));
    const expected = normalizeState(backup.payload.unit);
    const points = [
      ['wipe', 1], ['wipe', 30], ['create', 1], ['create', 60], ['create', 160],
    ] as const;
    await runLimited(
      points.map(([phase, count]) => async () => {
        const world = await createWorld('small');
        await world.client().putKey(UNIT, { key: 'extra', value: 'x', secret: false });
        const database = uniqueDatabase();
        const error = await interrupt(world, backup, database, phase, count);
        expect(error.code, `${phase} ${count}`).to.equal('ABORTED');
        const unfinished = await findUnfinishedImport({ database });
        expect(unfinished?.status).to.equal('running');
        // "Reload": a new client, the journal from IndexedDB.
        const result = await resumeImport(world.client(), PASSWORD, { ...opts, database });
        expect(result.verified, `${phase} ${count}: ${result.differences.join(' ')}`).to.equal(true);
        expect(normalizeState(await world.state()), `${phase} ${count}`).to.deep.equal(expected);
        expect(await findUnfinishedImport({ database })).to.equal(undefined);
      }),
      3,
    );
  });

  it('rolls back to the safety snapshot exactly, and offers it for download', async () => {
    const backup = await tinyBackup();
    const world = await createWorld('small');
    const before = normalizeState(await world.state());
    const database = uniqueDatabase();
    await world.faults({ kind: '500', when: 'after', nth: 40 });
    const error = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database, confirmOtherUnit: true, stepRetries: 0 }));
    expect(error.code).to.equal('IMPORT_INCOMPLETE');
    await world.clearFaults();
    const snapshot = await getSafetySnapshot({ database });
    expect(snapshot!.filename).to.match(/^south-news-before-import-\d{4}-\d{2}-\d{2}-\d{4}\.dashboard-backup$/);
    const opened = await openBackup(snapshot!.blob, PASSWORD);
    expect(normalizeState(opened.payload.unit)).to.deep.equal(before);
    // Wrong password: nothing is sent.
    await world.clearLog();
    expect((await rejectionOf(rollbackImport(world.client(), 'not the password', { ...opts, database }))).code).to.equal('WRONG_PASSWORD');
    expect(await world.mutations()).to.deep.equal([]);
    const result = await rollbackImport(world.client(), PASSWORD, { ...opts, database });
    expect(result.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(before);
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    expect(await getSafetySnapshot({ database })).to.equal(undefined);
  });

  it('a rollback that is itself interrupted resumes as a rollback', async () => {
    const backup = await tinyBackup();
    const world = await createWorld('small');
    const before = normalizeState(await world.state());
    const database = uniqueDatabase();
    expect((await interrupt(world, backup, database, 'create', 3)).code).to.equal('ABORTED');
    await world.faults({ kind: '500', when: 'before', nth: 20 });
    const stopped = await rejectionOf(rollbackImport(world.client(), PASSWORD, { ...opts, database, stepRetries: 0 }));
    expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
    await world.clearFaults();
    expect((await findUnfinishedImport({ database }))?.mode).to.equal('rollback');
    const result = await resumeImport(world.client(), PASSWORD, { ...opts, database });
    expect(result.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(before);
  });

  it('completes in one go when a 500 is retried by the engine (default step retries)', async () => {
    const backup = unlikeItsUnit(await tinyBackup());
    const world = await createWorld('empty');
    await buildTinyUnit(world.client());
    const database = uniqueDatabase();
    await world.faults({ kind: '500', when: 'after', nth: 10 }, { kind: '500', when: 'before', nth: 4 });
    const result = await runImport(world.client(), backup, PASSWORD, { ...opts, database });
    expect(result.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    expect((await world.log()).filter((e) => e.fault).length).to.equal(2);
  });

  it('round trips a unit whose plugins map to each other in a cycle', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    await buildTinyUnit(client);
    const state = await world.state();
    const provider = state.plugins.find((p) => p.bundle === 'com.example.provider')!;
    const { id: _id, ...base } = provider;
    const self = await client.createPlugin(UNIT, { ...base, bundle: 'com.example.self' });
    await client.setPluginMappings(UNIT, self.id, { actions: { me: 'com.example.self' }, portals: {} });
    await client.setPluginMappings(UNIT, provider.id, { actions: {}, portals: { back: 'com.example.consumer' } });
    // Changed everywhere, so the cycle is unmapped, deleted, created and mapped again rather than kept.
    const backup = unlikeItsUnit(await openBackup((await exportUnit(client, PASSWORD, opts)).blob, PASSWORD));
    const database = uniqueDatabase();
    const result = await runImport(client, backup, PASSWORD, { ...opts, database });
    expect(result.differences).to.deep.equal([]);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
  });

  it('discards a journal and its snapshot, leaving the unit as it is', async () => {
    const backup = await tinyBackup();
    const world = await createWorld('small');
    const database = uniqueDatabase();
    expect((await interrupt(world, backup, database, 'wipe', 2)).code).to.equal('ABORTED');
    const unfinished = await findUnfinishedImport({ database });
    expect(unfinished).to.include({ mode: 'import', status: 'running' });
    expect(unfinished!.unit.id).to.equal(UNIT);
    expect(unfinished!.steps.done).to.be.greaterThan(0);
    await world.clearLog();
    await discardUnfinishedImport({ database });
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    expect(await world.log()).to.deep.equal([]);
    expect((await rejectionOf(resumeImport(world.client(), PASSWORD, { ...opts, database }))).code).to.equal('JOURNAL_UNAVAILABLE');
  });
});
