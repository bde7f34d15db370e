// The verify step: after the last create the unit is read back and compared with the backup. Here the unit is
// changed out of band between the create phase and that read, so the read-back differs from the backup.
import { expect } from '@open-wc/testing';
import {
  exportUnit,
  findUnfinishedImport,
  getSafetySnapshot,
  openBackup,
  resumeImport,
  rollbackImport,
  runImport,
  type OpenedBackup,
  type Progress,
  recheckImport,
  type ReviewNeededError,
} from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, gatedClient, normalizeState, uniqueDatabase } from './helpers.js';
import { beyondReordering } from './converge-helpers.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true } as const;


/** The tiny unit's backup, and a `small` world to import it into, whose state before the import is returned. */
async function setUp(): Promise<{ backup: OpenedBackup; world: World; before: unknown }> {
  const source = await createWorld('empty');
  await buildTinyUnit(source.client());
  const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
  await source.drop();
  const world = await createWorld('small');
  return { backup, world, before: normalizeState(await world.state()) };
}

/**
 * Imports `backup` into `world`; when the verify phase starts, deletes the key `api.url` through another client
 * (as another admin might) before the engine reads the unit back.
 */
async function importWithTampering(world: World, backup: OpenedBackup, database: string) {
  let tamper: Promise<unknown> | undefined;
  const progress: Progress[] = [];
  let reloads = 0;
  const client = gatedClient(world.client(), () => tamper);
  const result = await runImport(client, backup, PASSWORD, {
    ...opts,
    database,
    reload: () => void (reloads += 1),
    onProgress: (p) => {
      progress.push(p);
      if (p.phase === 'verify' && p.done === 0) tamper ??= world.client().deleteKey(UNIT, 'api.url');
    },
  });
  return { result, progress, reloads, tampered: tamper !== undefined };
}

describe('verification after the last create', () => {
  it('reports a read-back that differs from the backup, keeps the journal and the safety snapshot, and does not reload', async () => {
    const { backup, world, before } = await setUp();
    const database = uniqueDatabase();
    const { result, progress, reloads, tampered } = await importWithTampering(world, backup, database);
    expect(tampered).to.equal(true);
    expect(result.verified).to.equal(false);
    expect(result.differences).to.deep.equal(['Key "api.url" is missing.']);
    expect(result.counts.keys).to.equal(backup.counts.keys - 1);
    expect(reloads, 'reload hook').to.equal(0);
    expect(progress.map((p) => p.phase)).to.not.include('done');
    // The journal stays, marked unverified, with every step done; the snapshot of the unit before the import too.
    const unfinished = await findUnfinishedImport({ database });
    expect(unfinished).to.include({ mode: 'import', status: 'unverified' });
    expect(unfinished!.steps.done).to.equal(unfinished!.steps.total);
    expect(unfinished!.steps.started).to.equal(0);
    const snapshot = await getSafetySnapshot({ database });
    expect(snapshot, 'the safety snapshot is kept').to.not.equal(undefined);
    expect(normalizeState((await openBackup(snapshot!.blob, PASSWORD)).payload.unit)).to.deep.equal(before);
    // Another import is refused until this one is rolled back, resumed or discarded; nothing is sent.
    await world.clearLog();
    expect((await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database, reload: false }))).code).to.equal(
      'IMPORT_INCOMPLETE',
    );
    expect(await world.mutations()).to.deep.equal([]);
    // The admin who lost data rolls back: the unit is exactly as before the import.
    const rolledBack = await rollbackImport(world.client(), PASSWORD, { ...opts, database, reload: false });
    expect(rolledBack.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(before);
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    expect(await getSafetySnapshot({ database })).to.equal(undefined);
    await world.drop();
  });

  it('an unverified import: re-check only reads; resume converges (writes only what is missing) and verifies', async () => {
    const { backup, world } = await setUp();
    const database = uniqueDatabase();
    const first = await importWithTampering(world, backup, database);
    expect(first.result.verified).to.equal(false);
    // Re-check reports the same difference, writes nothing and keeps everything.
    await world.clearLog();
    let reloads = 0;
    const again = await recheckImport(world.client(), PASSWORD, { ...opts, database, reload: () => void (reloads += 1) });
    expect(again.differences).to.deep.equal(['Key "api.url" is missing.']);
    expect(again.verified).to.equal(false);
    expect(await world.mutations(), 're-check only reads').to.deep.equal([]);
    expect((await findUnfinishedImport({ database }))?.status).to.equal('unverified');
    // Resume brings the unit to the backup from where it is: the one missing key, nothing else.
    const fixed = await resumeImport(world.client(), PASSWORD, { ...opts, database, reload: () => void (reloads += 1) });
    expect(fixed).to.deep.include({ verified: true, differences: [] });
    expect(beyondReordering(await world.mutations())).to.deep.equal(['PUT /units/south-news/keys/api.url']);
    expect(reloads).to.equal(1);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    expect(await getSafetySnapshot({ database })).to.equal(undefined);
    await world.drop();
  });

  it('a rollback whose read-back differs can be rolled back again, and then restores the snapshot exactly', async () => {
    const { backup, world, before } = await setUp();
    const database = uniqueDatabase();
    expect((await importWithTampering(world, backup, database)).result.verified).to.equal(false);
    // During the rollback's verify phase, another admin adds a key the snapshot does not have.
    let tamper: Promise<unknown> | undefined;
    const client = gatedClient(world.client(), () => tamper);
    const first = await rollbackImport(client, PASSWORD, {
      ...opts,
      database,
      reload: false,
      onProgress: (p) => {
        if (p.phase === 'verify' && p.done === 0) tamper ??= world.client().putKey(UNIT, { key: 'stray', value: 'x', secret: false });
      },
    });
    expect(first.differences).to.deep.equal(['Key "stray" is not in the backup.']);
    expect(await findUnfinishedImport({ database })).to.include({ mode: 'rollback', status: 'unverified' });
    // Rolling back again would delete the other admin's key: refused with the preview, nothing sent; confirmed,
    // it restores the snapshot.
    await world.clearLog();
    const refusal = await rejectionOf(rollbackImport(world.client(), PASSWORD, { ...opts, database, reload: false }));
    expect(refusal.code).to.equal('RESUME_NEEDS_REVIEW');
    expect(refusal.drift).to.deep.equal(['key "stray"']);
    expect(await world.mutations()).to.deep.equal([]);
    const expectedPlan = (refusal as unknown as ReviewNeededError).plan;
    expect(expectedPlan.sections.keys.delete.map((i) => i.label)).to.include('stray');
    const again = await rollbackImport(world.client(), PASSWORD, { ...opts, database, reload: false, expectedPlan });
    expect(again).to.deep.include({ verified: true, differences: [] });
    expect(normalizeState(await world.state())).to.deep.equal(before);
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    await world.drop();
  });

  it('a verify read that fails is IMPORT_INCOMPLETE with every step journaled; a resume only verifies again', async () => {
    const { backup, world } = await setUp();
    const database = uniqueDatabase();
    // When the verify phase starts, the server begins failing every request (reads too) with a 500.
    let outage: Promise<unknown> | undefined;
    const client = gatedClient(world.client(), () => outage);
    const failure = await rejectionOf(
      runImport(client, backup, PASSWORD, {
        ...opts,
        database,
        reload: false,
        // One request at a time: each collection is created in the backup's order, which a resume keeps (converge.ts).
        concurrency: 1,
        onProgress: (p) => {
          if (p.phase === 'verify' && p.done === 0) outage ??= world.faults({ kind: '500', when: 'before', on: 'all', times: 1000 });
        },
      }),
    );
    expect(outage, 'the outage began at the verify phase').to.not.equal(undefined);
    expect(failure.code).to.equal('IMPORT_INCOMPLETE');
    const unfinished = await findUnfinishedImport({ database });
    expect(unfinished?.steps.done).to.equal(unfinished?.steps.total);
    expect(await getSafetySnapshot({ database })).to.not.equal(undefined);
    // The server is back: a resume writes nothing, verifies, and cleans up.
    await world.clearFaults();
    await world.clearLog();
    const resumed = await resumeImport(world.client(), PASSWORD, { ...opts, database, reload: false });
    expect(resumed).to.deep.include({ verified: true, differences: [] });
    expect(beyondReordering(await world.mutations()), 'every step was done: a resume only reads').to.deep.equal([]);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    await world.drop();
  });
});
