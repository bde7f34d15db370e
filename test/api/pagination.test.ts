import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, UNIT, type World } from '../world.js';
import type { KeyEntry, UnitState } from '../../src/schemas.js';

/** Puts `count` keys into an empty world (through the client: the server has no bulk import). */
async function fillKeys(world: World, count: number): Promise<void> {
  const client = world.client();
  await Promise.all(
    Array.from({ length: count }, (_, i) => client.putKey(UNIT, { key: `key-${String(i).padStart(5, '0')}`, value: `v${i}`, secret: i % 7 === 0 })),
  );
}

async function stateOf(world: World): Promise<UnitState> {
  return (await world.dev('GET', `state?unit=${UNIT}`)) as UnitState;
}

/** The `offset` values of the list requests the server saw for `collection`, in arrival order. */
async function pageOffsets(world: World, collection: string): Promise<number[]> {
  return (await world.log())
    .filter((e) => e.method === 'GET' && e.path === `/units/${UNIT}/${collection}`)
    .map((e) => Number(new URLSearchParams(e.query).get('offset')))
    .sort((a, b) => a - b);
}

describe('paged lists', () => {
  it('returns [] for an empty list after one request', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    expect(await client.listKeys(UNIT)).to.deep.equal([]);
    expect(await client.listPlugins(UNIT)).to.deep.equal([]);
    expect(await client.listWorkspaces(UNIT)).to.deep.equal([]);
    expect(await client.listProfiles(UNIT)).to.deep.equal([]);
    expect(await pageOffsets(world, 'keys')).to.deep.equal([0]);
  });

  // A list of one page is one request; a longer one is read twice (the second read confirms nothing changed).
  for (const [count, offsets] of [
    [1, [0]],
    [100, [0]],
    [101, [0, 0, 100, 100]],
  ] as const) {
    it(`returns all ${count} items in the server's order with ${offsets.length} request(s) of limit 100`, async () => {
      const world = await createWorld('empty');
      await fillKeys(world, count);
      await world.dev('DELETE', 'log');
      const keys = await world.client().listKeys(UNIT);
      expect(keys).to.have.length(count);
      expect(keys).to.deep.equal((await stateOf(world)).keys);
      expect(await pageOffsets(world, 'keys')).to.deep.equal(offsets);
      const queries = (await world.log()).map((e) => new URLSearchParams(e.query).get('limit'));
      expect(queries.every((limit) => limit === '100')).to.equal(true);
    });
  }

  it('reads 5,000 keys and 2,000 workspaces of the large seed, every page twice', async function () {
    this.timeout(60_000);
    const world = await createWorld('large');
    const client = world.client();
    const [keys, workspaces] = await Promise.all([client.listKeys(UNIT), client.listWorkspaces(UNIT)]);
    const state = await stateOf(world);
    expect(keys).to.have.length(5000);
    expect(new Set(keys.map((k: KeyEntry) => k.key)).size).to.equal(5000);
    expect(keys).to.deep.equal(state.keys);
    expect(workspaces.map((w) => w.id)).to.deep.equal(state.workspaces.map((w) => w.id));
    const twice = (pages: number) => Array.from({ length: pages * 2 }, (_, i) => Math.floor(i / 2) * 100);
    expect(await pageOffsets(world, 'keys')).to.deep.equal(twice(50));
    expect(await pageOffsets(world, 'workspaces')).to.deep.equal(twice(20));
  });

  it('lists summaries of plugins and workspaces and full profiles of the small seed', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const state = await stateOf(world);
    const plugins = await client.listPlugins(UNIT);
    expect(plugins.map((p) => p.bundle)).to.deep.equal(state.plugins.map((p) => p.bundle));
    expect(Object.keys(plugins[0]!).sort()).to.deep.equal(['bundle', 'enabled', 'id', 'name', 'version']);
    expect(await client.listProfiles(UNIT)).to.deep.equal(state.profiles);
  });
});
