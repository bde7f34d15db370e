// Two admins, two browsers (two journal databases), one unit. With the Dashboard's restore lock (the reference
// server offers it), the second import is refused at once with who and since when, before it reads or sends
// anything, wherever the first one is. Without it (a Dashboard that answers 404 on the route), the two interleave;
// the first then ends unverified or stopped, and its resume converges: the same backup → the backup, nothing twice;
// another backup → a refusal naming the other admin's work, then (confirmed) exactly its own backup.
import { expect } from '@open-wc/testing';
import {
  exportUnit,
  openBackup,
  resumeImport,
  runImport,
  type ImportResult,
  type OpenedBackup,
  type ReviewNeededError,
} from '../../src/backup/index.js';
import type { DashboardClient, RestClientOptions } from '../../src/api/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false, confirmOtherUnit: true, stepRetries: 0, concurrency: 1 } as const;
/** A Dashboard without the restore lock: the route is not there (404). */
const NO_LOCK: RestClientOptions = { routes: { restoreLock: (unit: string) => `/units/${unit}/no-restore-lock` } };

async function backupOf(build: (client: DashboardClient) => Promise<void>): Promise<OpenedBackup> {
  const world = await createWorld('empty');
  await build(world.client());
  const backup = await openBackup((await exportUnit(world.client(), PASSWORD, opts)).blob, PASSWORD);
  await world.drop();
  return backup;
}

/** `client` whose `nth` write (wipe: any; create: creates only) waits until `released`. */
function pauseAt(client: DashboardClient, phase: 'wipe' | 'create', nth: number) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let reachedResolve!: () => void;
  const reached = new Promise<void>((r) => (reachedResolve = r));
  const writes = ['deletePlugin', 'setPluginMappings', 'deleteWorkspace', 'deleteProfile', 'deleteKey', 'putKey', 'createPlugin', 'createWorkspace', 'createProfile'];
  let count = 0;
  const paused = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const name = String(property);
      if (typeof value !== 'function' || !writes.includes(name)) return value;
      return async (...args: unknown[]) => {
        if (phase === 'wipe' || name.startsWith('create')) {
          if (++count === nth) {
            reachedResolve();
            await released;
          }
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client: paused, reached, release };
}

async function lockState(world: World): Promise<unknown> {
  const response = await fetch(`${world.baseUrl}/units/${UNIT}/restore-lock`, { headers: { authorization: 'Bearer admin-token' } });
  return ((await response.json()) as { lock: unknown }).lock;
}

describe('two admins, two browsers, one unit', () => {
  it('with the restore lock: the second import is refused with who and since when, wherever the first one is', async () => {
    const backup = await backupOf((c) => buildTinyUnit(c));
    for (const [phase, nth] of [['wipe', 1], ['wipe', 20], ['create', 1], ['create', 5]] as const) {
      const world = await createWorld('small');
      const first = pauseAt(world.client(), phase, nth);
      const running = runImport(first.client, backup, PASSWORD, { ...opts, database: uniqueDatabase() });
      await first.reached;
      await world.clearLog();
      const refusal = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase() }));
      expect(refusal.code, `${phase} ${nth}`).to.equal('UNIT_LOCKED');
      const holder = refusal.holder as { label: string; since: string };
      expect(holder.label).to.equal('Ada Admin');
      expect(Date.parse(holder.since)).to.be.greaterThan(0);
      expect(await world.mutations(), 'the second import sent nothing').to.deep.equal([]);
      const reads = (await world.log()).filter((e) => /\/(plugins|workspaces|profiles|keys)$/.test(e.path));
      expect(reads, 'nor read the unit').to.deep.equal([]);
      first.release();
      expect(((await running) as ImportResult).verified).to.equal(true);
      expect(await lockState(world), 'released at the end').to.equal(null);
      await world.drop();
    }
  });

  it('a lock lost while the import runs stops it before the create phase: journal intact, UNIT_LOCKED as the cause', async () => {
    const backup = await backupOf((c) => buildTinyUnit(c));
    const world = await createWorld('small');
    const real = world.client();
    let calls = 0;
    // The Dashboard's answer to the re-check before the create phase: someone else holds it now (ours expired).
    const client: DashboardClient = {
      ...real,
      acquireRestoreLock: async (unit, request, o) => {
        calls += 1;
        if (calls < 3) return real.acquireRestoreLock!(unit, request, o);
        return { status: 'busy', lock: { owner: 'someone-else', label: 'Bea Admin', since: new Date().toISOString(), expiresAt: new Date().toISOString() } };
      },
    };
    await world.clearLog();
    const error = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase() }));
    expect(error.code).to.equal('IMPORT_INCOMPLETE');
    expect((error.cause as { code?: string; holder?: { label: string } }).code).to.equal('UNIT_LOCKED');
    expect((error.cause as { holder: { label: string } }).holder.label).to.equal('Bea Admin');
    const writes = (await world.mutations()).map((m) => m.method);
    expect(writes.length, 'the wipe ran').to.be.greaterThan(0);
    expect(writes.filter((m) => m === 'POST'), 'nothing created after the lock was lost').to.deep.equal([]);
    await world.drop();
  });

  it('without it: two imports of the same backup interleave, and a resume ends with the backup, nothing twice', async () => {
    const backup = await backupOf((c) => buildTinyUnit(c));
    for (const [phase, nth] of [['wipe', 2], ['create', 1], ['create', 4]] as const) {
      const world = await createWorld('small');
      const first = pauseAt(world.client(NO_LOCK), phase, nth);
      const database = uniqueDatabase();
      const running = runImport(first.client, backup, PASSWORD, { ...opts, database }).catch((e: unknown) => e);
      await first.reached;
      const second = await runImport(world.client(NO_LOCK), backup, PASSWORD, { ...opts, database: uniqueDatabase() });
      expect(second.verified, `${phase} ${nth}: the second import`).to.equal(true);
      first.release();
      const outcome = await running;
      if ((outcome as ImportResult).verified !== true) {
        const result = await resumeImport(world.client(NO_LOCK), PASSWORD, { ...opts, database });
        expect(result.verified, `${phase} ${nth}: ${result.differences.join(' ')}`).to.equal(true);
      }
      expect(normalizeState(await world.state()), `${phase} ${nth}`).to.deep.equal(normalizeState(backup.payload.unit));
      await world.drop();
    }
  });

  it('without it: imports of two different backups interleave; the resume refuses with the other admin’s work, then converges', async () => {
    const mine = await backupOf((c) => buildTinyUnit(c));
    const theirs = await backupOf(async (c) => {
      await c.putKey(UNIT, { key: 'theirs', value: 'x', secret: false });
      await c.createWorkspace(UNIT, { name: 'Their desk', owner: 'admin', shared: false, layout: 'columns-2', icon: { text: 'T', color: '#112233' }, applications: [] });
    });
    const world = await createWorld('small');
    const first = pauseAt(world.client(NO_LOCK), 'create', 1);
    const database = uniqueDatabase();
    const running = runImport(first.client, mine, PASSWORD, { ...opts, database }).catch((e: unknown) => e);
    await first.reached;
    expect((await runImport(world.client(NO_LOCK), theirs, PASSWORD, { ...opts, database: uniqueDatabase() })).verified).to.equal(true);
    first.release();
    const outcome = await running;
    expect((outcome as ImportResult).verified, 'never reported verified').to.not.equal(true);
    await world.clearLog();
    const refusal = (await rejectionOf(resumeImport(world.client(NO_LOCK), PASSWORD, { ...opts, database }))) as unknown as ReviewNeededError;
    expect(refusal.code).to.equal('RESUME_NEEDS_REVIEW');
    expect(refusal.drift).to.include.members(['workspace "Their desk" (admin)', 'key "theirs"']);
    // Only the probe for a lock route this Dashboard does not have (404): nothing that changes the unit.
    expect((await world.mutations()).map((m) => `${m.method} ${m.path} ${m.status}`)).to.deep.equal([
      'PUT /units/south-news/no-restore-lock 404',
    ]);
    const result = await resumeImport(world.client(NO_LOCK), PASSWORD, { ...opts, database, expectedPlan: refusal.plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(mine.payload.unit));
    await world.drop();
  });
});
