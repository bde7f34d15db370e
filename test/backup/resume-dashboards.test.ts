// A journal belongs to one Dashboard and one unit: two Dashboards on this origin (two worlds of the reference
// server, so two API bases) both have a `south-news`; an import into A that stopped is invisible to B and never
// resumed, rolled back or discarded through B's client — and B imports, resumes and discards its own meanwhile.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  discardUnfinishedImport,
  exportUnit,
  findOtherUnfinishedImports,
  findUnfinishedImport,
  getSafetySnapshot,
  openBackup,
  resumeImport,
  rollbackImport,
  runImport,
} from '../../src/backup/index.js';
import type { DashboardClient } from '../../src/api/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false, confirmOtherUnit: true } as const;

/** Stops an import into `world` with a 500 on its 8th write (no engine retries): its journal stays. */
async function stopImport(world: World, client: DashboardClient, database: string): Promise<void> {
  const source = await createWorld('empty');
  await buildTinyUnit(source.client());
  const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
  await source.drop();
  await world.faults({ kind: '500', when: 'before', nth: 8, times: 50 });
  const error = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database, stepRetries: 0 }));
  expect(error.code).to.equal('IMPORT_INCOMPLETE');
  await world.clearFaults();
}

describe('journal identity: one Dashboard, one unit', () => {
  it("Dashboard A's unfinished import is invisible to B, never applied to B, listed as A's", async () => {
    const [a, b] = await Promise.all([createWorld('small'), createWorld('small')]);
    const database = uniqueDatabase();
    await stopImport(a, a.client(), database);
    const aAfterStop = await a.state();
    const bBefore = normalizeState(await b.state());
    await b.clearLog();

    expect(await findUnfinishedImport({ database, client: a.client(), unit: UNIT })).to.include({ dashboard: a.client().identity });
    expect(await findUnfinishedImport({ database, client: b.client(), unit: UNIT })).to.equal(undefined);
    expect(await getSafetySnapshot({ database, client: b.client(), unit: UNIT })).to.equal(undefined);
    const others = await findOtherUnfinishedImports({ database, client: b.client() });
    expect(others.map((u) => [u.dashboard, u.unit.id])).to.deep.equal([[a.client().identity, UNIT]]);

    // Resume and roll back through B find nothing and send nothing; discard through B leaves A's journal.
    expect((await rejectionOf(resumeImport(b.client(), PASSWORD, { ...opts, database, unit: UNIT }))).code).to.equal('JOURNAL_UNAVAILABLE');
    expect((await rejectionOf(rollbackImport(b.client(), PASSWORD, { ...opts, database, unit: UNIT }))).code).to.equal('JOURNAL_UNAVAILABLE');
    expect((await rejectionOf(resumeImport(b.client(), PASSWORD, { ...opts, database }))).code).to.equal('JOURNAL_UNAVAILABLE');
    await discardUnfinishedImport({ database, client: b.client(), unit: UNIT });
    expect(await b.mutations()).to.deep.equal([]);
    expect(normalizeState(await b.state())).to.deep.equal(bBefore);
    expect(await a.state()).to.deep.equal(aAfterStop);
    expect(await findUnfinishedImport({ database, client: a.client(), unit: UNIT })).to.not.equal(undefined);

    // B's own import is not refused by A's journal, and B's unfinished import is B's alone.
    await stopImport(b, b.client(), database);
    const mine = await findUnfinishedImport({ database, client: b.client(), unit: UNIT });
    expect(mine?.dashboard).to.equal(b.client().identity);
    await discardUnfinishedImport({ database, client: b.client(), unit: UNIT });
    expect(await findUnfinishedImport({ database, client: b.client(), unit: UNIT })).to.equal(undefined);

    // A resumes its own import to the end.
    const result = await resumeImport(a.client(), PASSWORD, { ...opts, database, unit: UNIT });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    expect(await findOtherUnfinishedImports({ database, client: b.client() })).to.deep.equal([]);
    await Promise.all([a.drop(), b.drop()]);
  });

  it('a custom client declares its own identity; one that declares none is not taken for the REST client', async () => {
    const world = await createWorld('small');
    const database = uniqueDatabase();
    const rest = world.client();
    const custom: DashboardClient = { ...rest, identity: 'tenant-42' };
    const anonymous: DashboardClient = { ...rest };
    delete (anonymous as { identity?: string }).identity;
    await stopImport(world, custom, database);
    expect(await findUnfinishedImport({ database, client: custom })).to.include({ dashboard: 'tenant-42' });
    expect(await findUnfinishedImport({ database, client: rest })).to.equal(undefined);
    expect(await findUnfinishedImport({ database, client: anonymous })).to.equal(undefined);
    expect((await rejectionOf(rollbackImport(rest, PASSWORD, { ...opts, database }))).code).to.equal('JOURNAL_UNAVAILABLE');
    const result = await rollbackImport(custom, PASSWORD, { ...opts, database });
    expect(result.verified).to.equal(true);
    await world.drop();
  });

  it('a journal written by version 1 (keyed by unit alone) is kept and listed as of an unknown Dashboard, never applied', async () => {
    const database = uniqueDatabase();
    const old = await openDB(database, 1, {
      upgrade(db) {
        db.createObjectStore('imports', { keyPath: 'unit' });
        db.createObjectStore('blobs');
        db.createObjectStore('steps', { keyPath: ['journal', 'step'] });
      },
    });
    const counts = { plugins: 0, workspaces: 0, profiles: 0, keys: 0 };
    const ref = { id: UNIT, name: 'South News' };
    await old.put('imports', {
      unit: UNIT, target: ref, id: 'legacy-journal-1', mode: 'import', status: 'running', startedAt: '2026-01-01T00:00:00.000Z',
      source: { unit: ref, createdAt: '2025-12-31T00:00:00.000Z', counts }, sourceBlob: 'source', baseBlob: 'snapshot',
      snapshotFilename: 'south-news-before-import.dashboard-backup', steps: [],
    });
    await old.put('blobs', new Blob(['x']), [UNIT, 'snapshot']);
    old.close();
    const world = await createWorld('small');
    expect(await findUnfinishedImport({ database, client: world.client() })).to.equal(undefined);
    const others = await findOtherUnfinishedImports({ database, client: world.client() });
    expect(others.map((u) => [u.dashboard, u.unit.id, u.startedAt])).to.deep.equal([[undefined, UNIT, '2026-01-01T00:00:00.000Z']]);
    expect((await getSafetySnapshot({ database, unit: UNIT }))?.filename, 'its snapshot is still there').to.equal('south-news-before-import.dashboard-backup');
    await world.clearLog();
    expect((await rejectionOf(rollbackImport(world.client(), PASSWORD, { ...opts, database }))).code).to.equal('JOURNAL_UNAVAILABLE');
    expect(await world.mutations()).to.deep.equal([]);
    await world.drop();
  });

  it('the REST identity is the absolute API base: the same for /api and /api/, another for another base', async () => {
    const { createRestClient } = await import('../../src/api/index.js');
    expect(createRestClient({ baseUrl: '/api' }).identity).to.equal(`${location.origin}/api`);
    expect(createRestClient({ baseUrl: '/api/' }).identity).to.equal(`${location.origin}/api`);
    expect(createRestClient().identity).to.equal(`${location.origin}/api`);
    expect(createRestClient({ baseUrl: 'https://dash.example/v2/api' }).identity).to.equal('https://dash.example/v2/api');
  });
});
