// Reconciliation after a lost record: a journal write that fails after its request was applied; and look-alikes — a
// backup may hold two workspaces (or profiles) that are the same in everything but their ids: when both creates
// were started and only one reached the server, a resume must still end with two.
import { expect } from '@open-wc/testing';
import { exportUnit, findUnfinishedImport, openBackup, resumeImport, runImport } from '../../src/backup/index.js';
import type { WorkspaceInput } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false, stepRetries: 0, confirmOtherUnit: true } as const;

describe('reconciling with the server', () => {
  it('a journal write that fails after its request was applied: the import stops, and a resume finds what it created', async () => {
    const source = await createWorld('empty');
    await buildTinyUnit(source.client());
    const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
    await source.drop();
    const world = await createWorld('empty');
    const database = uniqueDatabase();
    // Storage fails (as when the disk is full) when the first workspace create is to be recorded done.
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const record = value as { status?: string; step?: string } | undefined;
      if (this.name === 'steps' && record?.status === 'done' && record.step?.startsWith('create-workspace-')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realPut.call(this, value, key);
    };
    let stopped: Awaited<ReturnType<typeof rejectionOf>>;
    try {
      stopped = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database }));
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(stopped.code).to.equal('JOURNAL_UNAVAILABLE');
    const created = (await world.state()).workspaces.length;
    expect(created, 'the workspace whose record failed was created').to.be.greaterThan(0);
    const unfinished = await findUnfinishedImport({ database });
    expect(unfinished!.steps.done + unfinished!.steps.started).to.be.at.least((await world.mutations()).length);
    // Storage works again after a reload: the resume finds the workspace by its natural key instead of creating it again.
    const result = await resumeImport(world.client(), PASSWORD, { ...opts, database });
    expect(result.differences).to.deep.equal([]);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    await world.drop();
  });
});

describe('reconciling look-alikes', () => {
  it('two identical workspaces, the first one created before the stop: the resume ends with both', async () => {
    const source = await createWorld('empty');
    const client = source.client();
    await client.putKey(UNIT, { key: 'k', value: 'v', secret: false });
    const plugin = await client.createPlugin(UNIT, {
      bundle: 'com.example.only',
      name: 'Only',
      version: '1',
      author: 'a',
      manifestUrl: 'https://plugins.example/only.json',
      enabled: true,
      configuration: {},
      permissions: [],
      permissionMappings: {},
      requirementMappings: { actions: {}, portals: {} },
    });
    const twin: WorkspaceInput = {
      name: 'Twin',
      owner: 'admin',
      shared: true,
      layout: 'columns-2',
      icon: { text: 'T', color: '#123456' },
      applications: [{ plugin: plugin.bundle, column: 0, position: 0, config: { same: true } }],
    };
    const [a, b] = [await client.createWorkspace(UNIT, twin), await client.createWorkspace(UNIT, twin)];
    await client.createProfile(UNIT, { name: 'Both', roles: ['user'], workspaces: [a.id, b.id] });
    const backup = await openBackup((await exportUnit(client, PASSWORD, opts)).blob, PASSWORD);
    await source.drop();

    // Into an empty unit: writes 1 key, 2 plugin, 3 the first twin (applied, then answered with a 500). Creates of
    // one collection are sent in the backup's order (src/backup/steps.ts), so the second twin is not sent yet.
    const world = await createWorld('empty');
    const database = uniqueDatabase();
    await world.faults({ kind: '500', when: 'after', nth: 3 });
    const stopped = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database }));
    expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
    expect((await world.state()).workspaces.length, 'one twin reached the server').to.equal(1);
    await world.clearFaults();

    // "Reload": the first step finds the twin by its natural key, the second one creates the other — two twins in
    // the end, and the profile lists both.
    const result = await resumeImport(world.client(), PASSWORD, { ...opts, database });
    expect(result.differences).to.deep.equal([]);
    const state = await world.state();
    expect(normalizeState(state)).to.deep.equal(normalizeState(backup.payload.unit));
    expect(new Set(state.profiles[0]!.workspaces).size, 'the profile lists two distinct workspaces').to.equal(2);
    await world.drop();
  });
});
