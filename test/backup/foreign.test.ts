// Round trips into a Dashboard that is not our mirror: the foreign personality (server/personality.ts), whose seeds
// and expectations are literal JSON (server/seeds/foreign/, test/fixtures/foreign/), never built from src/schemas.ts.
// It serves 20 items per page, has other id shapes, lists its key store by name and carries fields our schemas do
// not know. Order is checked here through the client's lists; exactness of every field on the raw stored state.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, type World } from '../world.js';
import { FOREIGN_ID, foreignExpectations, foreignSmallSouth, rawView } from './foreign-helpers.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase } from './helpers.js';
import { listedOrder, orderOf } from './order.js';

const opts = { iterations: TEST_ITERATIONS } as const;

type Raw = Parameters<typeof rawView>[0];
const rawState = async (world: World): Promise<Raw> => (await world.state()) as unknown as Raw;

async function exportFrom(world: World): Promise<OpenedBackup> {
  return openBackup((await exportUnit(world.client(), PASSWORD, opts)).blob, PASSWORD);
}

async function importInto(world: World, backup: OpenedBackup): Promise<void> {
  const result = await runImport(world.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false });
  expect(result.differences).to.deep.equal([]);
  expect(result.verified).to.equal(true);
}

/** Every id the world assigned has the foreign shapes. */
function expectForeignIds(state: Raw): void {
  for (const p of state.plugins) expect(p.id).to.match(FOREIGN_ID.plugin);
  for (const w of state.workspaces) {
    expect(w.id).to.match(FOREIGN_ID.workspace);
    for (const a of w.applications as { id: string }[]) expect(a.id).to.match(FOREIGN_ID.application);
  }
  for (const p of state.profiles) expect(p.id).to.match(FOREIGN_ID.profile);
}

describe('the foreign Dashboard', () => {
  it('lists its small seed as the literal expectations say, 20 items a page, keys by name', async () => {
    const world = await createWorld('small', 'foreign');
    const client = world.client();
    const expected = await foreignExpectations();
    const { keysListed, ...order } = expected['south-news'];
    expect(await listedOrder(client, UNIT)).to.deep.equal(order);
    expect((await client.listKeys(UNIT)).map((k) => k.key)).to.deep.equal(keysListed);
    const limits = (await world.log()).filter((e) => e.path.endsWith('/workspaces')).map((e) => new URLSearchParams(e.query).get('limit'));
    expect(limits).to.include(String(expected.pageLimit));
    // the stored state is the literal seed, unknown fields and all
    expect(rawView(await rawState(world))).to.equal(rawView(await foreignSmallSouth()));
    await world.drop();
  });

  it('round trip of the small seed: verified, every list in the backup order, ids of its own shapes', async () => {
    const source = await createWorld('small', 'foreign');
    const backup = await exportFrom(source);
    const expected = (await foreignExpectations())['south-news'];
    const { keysListed: _k, ...order } = expected;
    expect(orderOf(backup.payload.unit)).to.deep.equal(order);
    // over the unit itself, and into an empty one
    // Over the unit itself everything is kept as it is (the seed's own ids); into an empty unit all is created.
    const seeded = await rawState(source);
    await importInto(source, backup);
    expect(await listedOrder(source.client(), UNIT)).to.deep.equal(order);
    expect(rawView(await rawState(source))).to.equal(rawView(seeded));
    await source.drop();
    const target = await createWorld('empty', 'foreign');
    await importInto(target, backup);
    expect(await listedOrder(target.client(), UNIT)).to.deep.equal(order);
    expectForeignIds(await rawState(target));
    await target.drop();
  });

  it('round trip of the large seed into an empty unit: verified, every list in the backup order', async function () {
    this.timeout(600_000);
    const source = await createWorld('large', 'foreign');
    const backup = await exportFrom(source);
    expect(orderOf(backup.payload.unit)).to.deep.equal(orderOf((await world(source)).state));
    const target = await createWorld('empty', 'foreign');
    await importInto(target, backup);
    expect(await listedOrder(target.client(), UNIT)).to.deep.equal(orderOf(backup.payload.unit));
    expectForeignIds(await rawState(target));
    await Promise.all([source.drop(), target.drop()]);
  });

  it('round trip of the small seed is exact: every field, unknown ones included, order included', async () => {
    const source = await createWorld('small', 'foreign');
    const backup = await exportFrom(source);
    const target = await createWorld('empty', 'foreign');
    await importInto(target, backup);
    expect(rawView(await rawState(target))).to.equal(rawView(await foreignSmallSouth()));
    await Promise.all([source.drop(), target.drop()]);
  });

  it('round trip of the large seed is exact: every field, unknown ones included, order included', async function () {
    this.timeout(600_000);
    const source = await createWorld('large', 'foreign');
    const before = rawView(await rawState(source));
    const backup = await exportFrom(source);
    const target = await createWorld('empty', 'foreign');
    await importInto(target, backup);
    expect(rawView(await rawState(target))).to.equal(before);
    await Promise.all([source.drop(), target.drop()]);
  });
});

/** The source world's raw state, for the order it stores. */
async function world(w: World): Promise<{ state: Parameters<typeof orderOf>[0] }> {
  return { state: (await w.state()) as Parameters<typeof orderOf>[0] };
}
