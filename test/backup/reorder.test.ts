// The optional reorder route: when the Dashboard offers it (GET /session features), a restore creates in parallel
// and sets each collection's order with one PUT …/order at the end; when it does not, it creates in order (the
// chains of steps.ts). Either way the lists come out in the backup's order — read back through the client's list
// calls, not through verification.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, resumeImport, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { buildSteps, createStepId } from '../../src/backup/steps.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type Personality, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase, unlikeItsUnit } from './helpers.js';
import { adversarialOrder, listedOrder, orderOf } from './order.js';

const opts = { iterations: TEST_ITERATIONS, reload: false } as const;
const ORDER_PATH = /^\/units\/[^/]+\/(plugins|workspaces|profiles)\/order$/;

/** The small seed of `personality`, exported and put in an adversarial order (consumers before providers, …). */
async function scrambledBackup(personality: Personality): Promise<OpenedBackup> {
  const source = await createWorld('small', personality);
  const exported = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
  await source.drop();
  return { ...exported, payload: { ...exported.payload, unit: adversarialOrder(exported.payload.unit) } };
}

/** The order PUTs of `world`'s log, with the index of each in the log. */
async function orderCalls(world: World): Promise<{ collection: string; at: number; lastCreate: number }[]> {
  const log = await world.log();
  return log.flatMap((e, at) => {
    const match = ORDER_PATH.exec(e.path);
    if (!match || e.method !== 'PUT') return [];
    const collection = match[1]!;
    const lastCreate = log.findLastIndex((c) => c.method === 'POST' && c.path.endsWith(`/${collection}`));
    return [{ collection, at, lastCreate }];
  });
}

describe('the reorder route', () => {
  for (const personality of ['reference', 'foreign'] as const) {
    it(`${personality}: an offered reorder keeps the backup's order with one PUT per collection after its creates`, async () => {
      const backup = await scrambledBackup(personality);
      const world = await createWorld('small', personality, ['reorder']);
      const client = world.client();
      const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), confirmOtherUnit: true });
      expect(result.verified).to.equal(true);
      expect(await listedOrder(client, UNIT)).to.deep.equal(orderOf(backup.payload.unit));
      const calls = await orderCalls(world);
      expect(calls.map((c) => c.collection).sort()).to.deep.equal(['plugins', 'profiles', 'workspaces']);
      for (const c of calls) expect(c.at, c.collection).to.be.greaterThan(c.lastCreate);
      await world.drop();
    });
  }

  it('without the feature, nothing is reordered and the creates keep the order by themselves', async () => {
    const backup = await scrambledBackup('reference');
    const world = await createWorld('small');
    const client = world.client();
    expect((await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), confirmOtherUnit: true })).verified).to.equal(true);
    expect(await listedOrder(client, UNIT)).to.deep.equal(orderOf(backup.payload.unit));
    expect(await orderCalls(world)).to.deep.equal([]);
    await world.drop();
  });

  it('a client without setOrder creates in order even when the Dashboard offers the route', async () => {
    const backup = await scrambledBackup('reference');
    const world = await createWorld('small', 'reference', ['reorder']);
    const { setOrder: _unused, ...withoutOrder } = world.client();
    expect((await runImport(withoutOrder, backup, PASSWORD, { ...opts, database: uniqueDatabase(), confirmOtherUnit: true })).verified).to.equal(true);
    expect(await listedOrder(world.client(), UNIT)).to.deep.equal(orderOf(backup.payload.unit));
    expect(await orderCalls(world)).to.deep.equal([]);
    await world.drop();
  });

  it('an import stopped part-way through its parallel creates resumes (converging, creates in order) and ends in order', async () => {
    // Changed everywhere, so the import keeps nothing of the unit and its positions are the whole wipe and create.
    const backup = unlikeItsUnit(await scrambledBackup('reference'));
    const world = await createWorld('small', 'reference', ['reorder']);
    const database = uniqueDatabase();
    // Every change from 10 past the most the wipe can take on fails (a delete per entity, an unmap per plugin): the
    // creates, which run before the key PUTs (a reorder step waits for them), stop part-way.
    const s = await world.state();
    const wipeAtMost = s.profiles.length + s.workspaces.length + 2 * s.plugins.length;
    await world.faults({ kind: '500', when: 'before', nth: wipeAtMost + 10, times: 10_000 });
    const failure = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database, confirmOtherUnit: true, stepRetries: 0 }));
    expect((failure as { code?: string }).code).to.equal('IMPORT_INCOMPLETE');
    expect(await orderCalls(world)).to.deep.equal([]);
    const posts = (await world.mutations()).filter((e) => e.method === 'POST' && e.status === 201).length;
    expect(posts).to.be.within(1, 44); // some creates, not all (12 plugins + 25 workspaces + 8 profiles)
    await world.clearFaults();
    const resumed = await resumeImport(world.client(), PASSWORD, { ...opts, database });
    expect(resumed.verified).to.equal(true);
    expect(await listedOrder(world.client(), UNIT)).to.deep.equal(orderOf(backup.payload.unit));
    await world.drop();
  });

  it('the step graph: no create waits for the previous one of its collection; one reorder step per collection', async () => {
    const { payload } = await scrambledBackup('reference');
    const unit = payload.unit;
    const reordered = buildSteps(unit, unit, { reorder: true });
    const chained = buildSteps(unit, unit);
    for (const kind of ['plugin', 'workspace', 'profile'] as const) {
      const second = (steps: typeof chained) => steps.find((s) => s.id === createStepId(kind, 1))!;
      expect(second(chained).after).to.include(createStepId(kind, 0));
      expect(second(reordered).after).not.to.include(createStepId(kind, 0));
    }
    expect(reordered.filter((s) => s.kind === 'reorder').map((s) => s.id)).to.deep.equal(['reorder-plugins', 'reorder-workspaces', 'reorder-profiles']);
    expect(chained.filter((s) => s.kind === 'reorder')).to.deep.equal([]);
  });
});
