// Export → open → plan → import round trips against the reference Dashboard over HTTP.
import { expect } from '@open-wc/testing';
import { exportUnit, findUnfinishedImport, openBackup, planImport, runImport } from '../../src/backup/index.js';
import type { Progress } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { OTHER_UNIT, UNIT, createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS } as const;

describe('export and import round trips', () => {
  it('exports a unit: file name, manifest, and a file that opens to exactly the unit', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const progress: Progress[] = [];
    const result = await exportUnit(client, PASSWORD, { ...opts, origin: 'https://dash.example', onProgress: (p) => progress.push(p) });
    expect(result.filename).to.match(/^south-news-\d{4}-\d{2}-\d{2}-\d{4}\.dashboard-backup$/);
    const state = await world.state();
    expect(result.manifest).to.include({ payloadVersion: 1, origin: 'https://dash.example' });
    expect(result.manifest.unit).to.deep.equal({ id: UNIT, name: 'South News' });
    expect(result.manifest.counts).to.deep.equal({
      plugins: state.plugins.length,
      workspaces: state.workspaces.length,
      profiles: state.profiles.length,
      keys: state.keys.length,
    });
    const opened = await openBackup(result.blob, PASSWORD);
    expect(normalizeState(opened.payload.unit)).to.deep.equal(normalizeState(state));
    expect(opened.dangling).to.deep.equal([]);
    expect(opened.counts).to.deep.equal(result.manifest.counts);
    // progress: every phase reported, the fetch phase reaches its total
    const phases = new Set(progress.map((p) => p.phase));
    expect([...phases]).to.include.members(['session', 'fetch', 'done']);
    const lastFetch = progress.filter((p) => p.phase === 'fetch').at(-1)!;
    expect(lastFetch.done).to.equal(lastFetch.total);
    expect(lastFetch.total).to.equal(4 + state.plugins.length + state.workspaces.length);
    expect((await world.mutations()).length).to.equal(0);
  });

  it('restores a heavily changed unit to exactly the backup', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const exported = await exportUnit(client, PASSWORD, opts);
    const before = await world.state();
    // Change it heavily: delete profiles and a workspace, add a plugin, a workspace, a profile and keys,
    // overwrite keys.
    await Promise.all(before.profiles.slice(0, 3).map((p) => client.deleteProfile(UNIT, p.id)));
    const state1 = await world.state();
    const unlisted = state1.workspaces.find((w) => !state1.profiles.some((p) => p.workspaces.includes(w.id)));
    if (unlisted) await client.deleteWorkspace(UNIT, unlisted.id);
    const { id: _id, ...firstPlugin } = before.plugins[0]!;
    await client.createPlugin(UNIT, { ...firstPlugin, bundle: 'org.added.plugin', requirementMappings: { actions: {}, portals: {} } });
    const ws = await client.createWorkspace(UNIT, { name: 'Added', owner: 'admin', shared: false, layout: 'columns-2', icon: { text: 'A', color: '#000' }, applications: [{ plugin: 'org.added.plugin', column: 1, position: 2, config: { x: 1 } }] });
    await client.createProfile(UNIT, { name: 'Added profile', roles: ['readonly'], workspaces: [ws.id] });
    await Promise.all([
      client.putKey(UNIT, { key: 'added.key', value: 'v', secret: false }),
      client.putKey(UNIT, { key: before.keys[0]!.key, value: 'overwritten', secret: !before.keys[0]!.secret }),
    ]);
    expect(normalizeState(await world.state())).not.to.deep.equal(normalizeState(before));

    const backup = await openBackup(exported.blob, PASSWORD);
    const plan = await planImport(client, backup);
    expect(plan.sameUnit).to.equal(true);
    expect(plan.sameOrigin).to.equal(true);
    expect(plan.sections.plugins.delete.map((i) => i.label)).to.deep.equal(['org.added.plugin']);
    expect(plan.sections.keys.delete.map((i) => i.label)).to.include.members(['added.key', before.keys[0]!.key]);
    expect(plan.sections.keys.create.map((i) => i.label)).to.deep.equal([before.keys[0]!.key]);
    expect(plan.sections.profiles.create.length).to.equal(3);
    expect(plan.sections.plugins.identical.length).to.equal(before.plugins.length);

    const database = uniqueDatabase();
    const progress: Progress[] = [];
    const result = await runImport(client, backup, PASSWORD, { ...opts, database, reload: false, expectedPlan: plan, onProgress: (p) => progress.push(p) });
    expect(result.verified).to.equal(true);
    expect(result.differences).to.deep.equal([]);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(before));
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    for (const phase of ['preflight', 'snapshot', 'wipe', 'create', 'verify', 'done']) {
      expect(progress.some((p) => p.phase === phase), phase).to.equal(true);
    }
    // The other unit was not touched.
    expect((await world.mutations()).every((e) => e.path.includes(`/units/${UNIT}/`))).to.equal(true);
  });

  it('imports a backup of one unit into another only with confirmation', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const backup = await openBackup((await exportUnit(client, PASSWORD, opts)).blob, PASSWORD);
    const database = uniqueDatabase();
    const plan = await planImport(client, backup, { unit: OTHER_UNIT });
    expect(plan.sameUnit).to.equal(false);
    expect(plan.target.id).to.equal(OTHER_UNIT);
    await world.clearLog();
    const refused = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, unit: OTHER_UNIT, database, reload: false }));
    expect(refused.code).to.equal('UNIT_MISMATCH');
    expect(await world.mutations()).to.deep.equal([]);
    let reloaded = 0;
    const result = await runImport(client, backup, PASSWORD, {
      ...opts,
      unit: OTHER_UNIT,
      database,
      confirmOtherUnit: true,
      reload: () => (reloaded += 1),
    });
    expect(result.verified).to.equal(true);
    expect(reloaded).to.equal(1);
    expect(normalizeState(await world.state(OTHER_UNIT))).to.deep.equal(normalizeState(backup.payload.unit));
    expect(normalizeState(await world.state(UNIT))).to.deep.equal(normalizeState(backup.payload.unit));
  });

  it('refuses an import when the unit changed since the approved plan', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const backup = await openBackup((await exportUnit(client, PASSWORD, opts)).blob, PASSWORD);
    const plan = await planImport(client, backup);
    await client.putKey(UNIT, { key: 'late.change', value: 'x', secret: false });
    await world.clearLog();
    const error = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false, expectedPlan: plan }));
    expect(error.code).to.equal('PLAN_CHANGED');
    expect(await world.mutations()).to.deep.equal([]);
  });

  it('cancels an export at any point with ABORTED', async () => {
    const world = await createWorld('small');
    const client = world.client();
    for (const after of [0, 1, 5, 20]) {
      const controller = new AbortController();
      let seen = 0;
      const error = await rejectionOf(
        exportUnit(client, PASSWORD, {
          ...opts,
          signal: controller.signal,
          onProgress: () => {
            if (++seen > after) controller.abort();
          },
        }),
      );
      expect(error.code, `abort after ${after}`).to.equal('ABORTED');
    }
  });
});
