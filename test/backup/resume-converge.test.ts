// Resume and rollback converge from the unit as it is now: a colleague's create, delete or edit during the wipe or
// the create phase never dead-ends them (409/422 forever), never makes them create twice, and never overwrites the
// colleague's work without the preview first (RESUME_NEEDS_REVIEW, nothing sent); confirmed, they reach the
// backup (resume) or the snapshot (rollback) exactly. An old journal resumed after the unit changed does the same,
// and keeps a fresh snapshot of the unit as it found it.
import { expect } from '@open-wc/testing';
import {
  exportUnit,
  getSafetySnapshot,
  openBackup,
  resumeImport,
  rollbackImport,
  runImport,
  type ImportResult,
  type OpenedBackup,
  type ReviewNeededError,
} from '../../src/backup/index.js';
import type { DashboardClient } from '../../src/api/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { beyondReordering } from './converge-helpers.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, normalizeState, runLimited, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false, confirmOtherUnit: true, stepRetries: 0 } as const;
type Action = 'create' | 'delete' | 'edit';
type Phase = 'wipe' | 'create';

async function tinyBackup(): Promise<OpenedBackup> {
  const world = await createWorld('empty');
  await buildTinyUnit(world.client());
  const backup = await openBackup((await exportUnit(world.client(), PASSWORD, opts)).blob, PASSWORD);
  await world.drop();
  return backup;
}

/** A colleague's change through their own client: a profile listing a workspace, a deleted workspace, an edited key. */
async function colleague(client: DashboardClient, action: Action): Promise<void> {
  const workspaces = await client.listWorkspaces(UNIT);
  if (action === 'create') {
    await client.createProfile(UNIT, { name: 'Colleague', roles: ['user'], workspaces: workspaces.slice(-1).map((w) => w.id) });
  } else if (action === 'delete') {
    const listed = new Set((await client.listProfiles(UNIT)).flatMap((p) => p.workspaces));
    const free = workspaces.filter((w) => !listed.has(w.id)).at(-1);
    if (free) await client.deleteWorkspace(UNIT, free.id);
  } else {
    await client.putKey(UNIT, { key: 'api.url', value: 'https://colleague.example', secret: false });
  }
}

/** `client`, running `act` once before its `nth` write of `phase` (wipe: any write; create: creates only). */
function interleave(client: DashboardClient, phase: Phase, nth: number, act: () => Promise<void>): DashboardClient {
  const writes = ['deletePlugin', 'setPluginMappings', 'deleteWorkspace', 'deleteProfile', 'deleteKey', 'putKey', 'createPlugin', 'createWorkspace', 'createProfile'];
  let count = 0;
  let acted = false;
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      const name = String(property);
      if (typeof value !== 'function' || !writes.includes(name)) return value;
      return async (...args: unknown[]) => {
        const counts = phase === 'wipe' || name.startsWith('create');
        if (counts && !acted && ++count >= nth) {
          acted = true;
          await act();
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Runs `run`; on RESUME_NEEDS_REVIEW checks nothing was sent, then runs it again with the plan it showed. */
async function withReview(world: World, run: (plan?: ReviewNeededError['plan']) => Promise<ImportResult>, label: string) {
  await world.clearLog();
  try {
    return { result: await run(), reviewed: false };
  } catch (error) {
    const review = error as ReviewNeededError;
    expect(review.code, `${label}: ${String(error)}`).to.equal('RESUME_NEEDS_REVIEW');
    expect(review.drift.length, label).to.be.greaterThan(0);
    expect(await world.mutations(), `${label}: nothing sent before the review`).to.deep.equal([]);
    return { result: await run(review.plan), reviewed: true };
  }
}

describe('resume and rollback converge', () => {
  it("a colleague's create, delete or edit during the wipe or the create phase: resume reaches the backup, rollback the snapshot", async () => {
    const backup = await tinyBackup();
    const expected = normalizeState(backup.payload.unit);
    const cases: [Phase, number, Action, 'resume' | 'rollback'][] = [];
    for (const [phase, nth] of [['wipe', 3], ['create', 2]] as const) {
      for (const action of ['create', 'delete', 'edit'] as const) {
        for (const then of ['resume', 'rollback'] as const) cases.push([phase, nth, action, then]);
      }
    }
    await runLimited(
      cases.map(([phase, nth, action, then]) => async () => {
        const label = `${action} during ${phase}, then ${then}`;
        const world = await createWorld('small');
        const before = normalizeState(await world.state());
        const database = uniqueDatabase();
        const client = interleave(world.client(), phase, nth, () => colleague(world.client(), action));
        const first = await runImport(client, backup, PASSWORD, { ...opts, database, concurrency: 1 }).catch((e: unknown) => e);
        if (then === 'resume') {
          if ((first as ImportResult).verified !== true) {
            const { result } = await withReview(world, (expectedPlan) =>
              resumeImport(world.client(), PASSWORD, { ...opts, database, ...(expectedPlan ? { expectedPlan } : {}) }), label);
            expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
          }
          expect(normalizeState(await world.state()), label).to.deep.equal(expected);
        } else if ((first as ImportResult).verified !== true) {
          const { result } = await withReview(world, (expectedPlan) =>
            rollbackImport(world.client(), PASSWORD, { ...opts, database, ...(expectedPlan ? { expectedPlan } : {}) }), label);
          expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
          expect(normalizeState(await world.state()), label).to.deep.equal(before);
        }
        await world.drop();
      }),
      2,
    );
  });

  it('the dead ends of replay: a profile added on a workspace the wipe deletes (409), a created workspace deleted (422)', async () => {
    const backup = await tinyBackup();
    for (const action of ['create', 'delete'] as const) {
      const world = await createWorld('small');
      const database = uniqueDatabase();
      const phase = action === 'create' ? 'wipe' : 'create';
      // The import stops at the colleague's change (no retries): what is left must still be reachable.
      // create: at the first wipe write; delete: at the first profile create (the tiny backup's 5th create).
      const client = interleave(world.client(), phase, action === 'create' ? 1 : 5, () => colleague(world.client(), action));
      await runImport(client, backup, PASSWORD, { ...opts, database, concurrency: 1 }).catch(() => undefined);
      const { result, reviewed } = await withReview(world, (expectedPlan) =>
        resumeImport(world.client(), PASSWORD, { ...opts, database, ...(expectedPlan ? { expectedPlan } : {}) }), action);
      expect(result.verified, result.differences.join(' ')).to.equal(true);
      // A colleague's profile is their work: shown first. A deleted workspace the import made is simply made again.
      expect(reviewed, action).to.equal(action === 'create');
      expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
      await world.drop();
    }
  });

  it('an old journal resumed after the unit was restored and edited elsewhere shows the preview and snapshots first', async () => {
    const backup = await tinyBackup();
    const world = await createWorld('small');
    const oldBrowser = uniqueDatabase();
    const controller = new AbortController();
    let creates = 0;
    const error = await rejectionOf(
      runImport(world.client(), backup, PASSWORD, {
        ...opts,
        database: oldBrowser,
        signal: controller.signal,
        onProgress: (p) => void (p.phase === 'create' && ++creates === 3 && controller.abort()),
      }),
    );
    expect(error.code).to.equal('ABORTED');
    // Another admin, another browser: imports the same backup to the end, then edits a key.
    const other = await runImport(world.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase() });
    expect(other.verified).to.equal(true);
    await world.client().putKey(UNIT, { key: 'smtp.password', value: 'changed-later', secret: true });

    await world.clearLog();
    const refusal = (await rejectionOf(resumeImport(world.client(), PASSWORD, { ...opts, database: oldBrowser }))) as unknown as ReviewNeededError;
    expect(refusal.code).to.equal('RESUME_NEEDS_REVIEW');
    expect(refusal.drift).to.deep.equal(['key "smtp.password"']);
    expect(await world.mutations(), 'nothing sent before the review').to.deep.equal([]);
    const result = await resumeImport(world.client(), PASSWORD, { ...opts, database: oldBrowser, expectedPlan: refusal.plan, reload: false });
    expect(result.verified).to.equal(true);
    // Nothing created twice: the other admin's entities were adopted; only the key was written back.
    expect(beyondReordering(await world.mutations())).to.deep.equal(['PUT /units/south-news/keys/smtp.password']);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    await world.drop();
  });

  it('the fresh safety snapshot is the unit as the resume found it, and stays downloadable while the journal lives', async () => {
    const backup = await tinyBackup();
    const world = await createWorld('small');
    const database = uniqueDatabase();
    await world.faults({ kind: '500', when: 'before', nth: 10, times: 1000 });
    await runImport(world.client(), backup, PASSWORD, { ...opts, database }).catch(() => undefined);
    await world.clearFaults();
    await world.client().putKey(UNIT, { key: 'colleague.note', value: 'mine', secret: false });
    const found = await world.state();
    const refusal = (await rejectionOf(resumeImport(world.client(), PASSWORD, { ...opts, database }))) as unknown as ReviewNeededError;
    expect(await getSafetySnapshot({ database, fresh: true }), 'no fresh snapshot before the confirmed resume').to.equal(undefined);
    await world.faults({ kind: '500', when: 'before', nth: 1, times: 1000 });
    await rejectionOf(resumeImport(world.client(), PASSWORD, { ...opts, database, expectedPlan: refusal.plan }));
    await world.clearFaults();
    const fresh = await getSafetySnapshot({ database, fresh: true });
    expect(fresh?.filename).to.match(/before-resume/);
    expect(normalizeState((await openBackup(fresh!.blob, PASSWORD)).payload.unit)).to.deep.equal(normalizeState(found));
    const original = await getSafetySnapshot({ database });
    expect(original?.filename).to.match(/before-import/);
    await world.drop();
  });
});
