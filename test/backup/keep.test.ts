// A fresh import keeps what already stands as the backup wants it — in its place in the list, with what it refers
// to — instead of deleting and creating it again (src/backup/converge.ts, as a resume does). Kept entities keep
// their ids, and what the import creates refers to them by those ids. A run stopped part-way resumes and rolls
// back exactly.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, planImport, resumeImport, rollbackImport, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false } as const;

/**
 * The tiny unit and its backup; then, after the backup, the unit loses both profiles and one key changes: an
 * import keeps the plugins, the workspaces and two keys, and creates two profiles (linking the kept workspaces)
 * and writes one key.
 */
async function setUp(): Promise<{ world: World; backup: OpenedBackup; workspaceIds: string[] }> {
  const world = await createWorld('empty');
  const client = world.client();
  await buildTinyUnit(client);
  const backup = await openBackup((await exportUnit(client, PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
  const state = await world.state();
  for (const p of state.profiles) await client.deleteProfile(UNIT, p.id);
  await client.putKey(UNIT, { key: 'api.url', value: 'https://changed.example', secret: false });
  return { world, backup, workspaceIds: state.workspaces.map((w) => w.id) };
}

/** The unit is the backup, its workspaces are the ones it had (same ids), and the profiles link to them. */
async function expectRestoredKeepingIds(world: World, backup: OpenedBackup, workspaceIds: string[]): Promise<void> {
  const after = await world.state();
  expect(normalizeState(after)).to.deep.equal(normalizeState(backup.payload.unit));
  expect(after.workspaces.map((w) => w.id), 'kept workspaces keep their ids').to.deep.equal(workspaceIds);
  for (const p of after.profiles) for (const id of p.workspaces) expect(workspaceIds).to.include(id);
}

describe('an import keeps what already stands as the backup wants it', () => {
  it('over the unit it was made of: no change at all, verified; the preview says everything is kept', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const backup = await openBackup((await exportUnit(client, PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
    const plan = await planImport(client, backup);
    expect(plan.kept).to.deep.equal(backup.counts);
    await world.clearLog();
    const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), expectedPlan: plan });
    expect(result.verified).to.equal(true);
    expect(await world.mutations()).to.deep.equal([]);
    await world.drop();
  });

  it('creates only what is missing or different, linking kept workspaces by their ids', async () => {
    const { world, backup, workspaceIds } = await setUp();
    const plan = await planImport(world.client(), backup);
    expect(plan.kept).to.deep.equal({ plugins: 2, workspaces: 2, profiles: 0, keys: 2 });
    await world.clearLog();
    const result = await runImport(world.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase(), expectedPlan: plan });
    expect(result.verified).to.equal(true);
    const writes = (await world.mutations()).map((e) => `${e.method} ${e.path.replace(/\/keys\/.*$/, '/keys/…')}`).sort();
    expect(writes).to.deep.equal(['POST /units/south-news/profiles', 'POST /units/south-news/profiles', 'PUT /units/south-news/keys/…']);
    await expectRestoredKeepingIds(world, backup, workspaceIds);
    await world.drop();
  });

  it('a profile that differs in any other field (unknown ones too) is recreated, not kept', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    await buildTinyUnit(client);
    const backup = await openBackup((await exportUnit(client, PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
    // The same profiles in the same order, each with one field the backup's do not have.
    const state = await world.state();
    for (const p of state.profiles) await client.deleteProfile(UNIT, p.id);
    for (const { id: _id, ...p } of state.profiles) await client.createProfile(UNIT, { ...p, color: 'red' });
    const plan = await planImport(client, backup);
    expect(plan.kept.profiles).to.equal(0);
    const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), expectedPlan: plan });
    expect(result.differences).to.deep.equal([]);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    await world.drop();
  });

  for (const nth of [1, 2, 3]) {
    it(`a run with kept entities stopped at change ${nth} resumes exactly, and rolls back exactly`, async () => {
      for (const then of ['resume', 'rollback'] as const) {
        const { world, backup, workspaceIds } = await setUp();
        const before = normalizeState(await world.state());
        const database = uniqueDatabase();
        await world.faults({ kind: '500', when: nth === 2 ? 'after' : 'before', nth, times: 1000 });
        const stopped = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database, stepRetries: 0 }));
        expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
        await world.clearFaults();
        if (then === 'resume') {
          expect((await resumeImport(world.client(), PASSWORD, { ...opts, database })).verified).to.equal(true);
          await expectRestoredKeepingIds(world, backup, workspaceIds);
        } else {
          expect((await rollbackImport(world.client(), PASSWORD, { ...opts, database })).verified).to.equal(true);
          expect(normalizeState(await world.state())).to.deep.equal(before);
          expect((await world.state()).workspaces.map((w) => w.id)).to.deep.equal(workspaceIds);
        }
        await world.drop();
      }
    });
  }
});
