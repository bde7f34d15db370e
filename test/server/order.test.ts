// The optional reorder route (docs/dashboard-api.md, "Reordering (optional)"), on both personalities: offered only
// by worlds created with it, announced in GET /session, and refused unless the body is exactly the collection.
import { expect } from '@open-wc/testing';
import { afterEach, describe, it, call, createWorld, dropWorld, EDITOR, readState, type TestWorld } from './helpers.js';

const U = '/units/south-news';
const COLLECTIONS = ['plugins', 'workspaces', 'profiles'] as const;

describe('reference server: the optional reorder route', () => {
  const worlds: TestWorld[] = [];
  const make = async (...args: Parameters<typeof createWorld>) => {
    const world = await createWorld(...args);
    worlds.push(world);
    return world;
  };
  afterEach(async () => {
    await Promise.all(worlds.splice(0).map(dropWorld));
  });

  for (const personality of ['reference', 'foreign'] as const) {
    it(`${personality}: reorders each entity collection in one call, and says so in the session`, async () => {
      const world = await make('small', { personality, features: ['reorder'] });
      expect((await call(world, 'GET', '/session')).body.features).to.deep.equal(['reorder']);
      const before = await readState(world);
      for (const collection of COLLECTIONS) {
        const ids = before[collection].map((e) => e.id).reverse();
        const answer = await call(world, 'PUT', `${U}/${collection}/order`, { body: { ids } });
        expect(answer.status, collection).to.equal(204);
        // The first page as listed (the foreign Dashboard serves 20 per page), and the whole stored order.
        const listed = await call(world, 'GET', `${U}/${collection}?limit=100`);
        const page = listed.body.items.map((e: { id: string }) => e.id);
        expect(page, collection).to.deep.equal(ids.slice(0, page.length));
        expect((await readState(world))[collection].map((e) => e.id), collection).to.deep.equal(ids);
      }
      // Only the order changed: every entity is as it was.
      const after = await readState(world);
      for (const collection of COLLECTIONS) expect(after[collection]).to.deep.equal([...before[collection]].reverse());
      expect(after.keys).to.deep.equal(before.keys);
    });
  }

  it('refuses an order that is not exactly the collection (409), changing nothing', async () => {
    const world = await make('small', { features: ['reorder'] });
    const before = await readState(world);
    const ids = before.plugins.map((p) => p.id);
    const wrong = [ids.slice(1), [...ids, ids[0]!], [...ids.slice(1), 'pl_nope'], [...ids, 'pl_nope']];
    for (const body of wrong) expect((await call(world, 'PUT', `${U}/plugins/order`, { body: { ids: body } })).status).to.equal(409);
    expect((await call(world, 'PUT', `${U}/plugins/order`, { body: { order: ids } })).status).to.equal(400);
    expect((await call(world, 'PUT', `${U}/plugins/order`, { body: { ids: [...ids].reverse() }, token: EDITOR })).status).to.equal(403);
    expect(await readState(world)).to.deep.equal(before);
  });

  it('a world without it answers as a Dashboard that lacks the route: no features in the session, 405', async () => {
    const world = await make('small');
    expect((await call(world, 'GET', '/session')).body).not.to.have.property('features');
    const ids = (await readState(world)).plugins.map((p) => p.id).reverse();
    expect((await call(world, 'PUT', `${U}/plugins/order`, { body: { ids } })).status).to.equal(405);
  });

  it('the key store has no order route: a key named "order" is a key', async () => {
    const world = await make('empty', { features: ['reorder'] });
    expect((await call(world, 'PUT', `${U}/keys/order`, { body: { value: 'v', secret: false } })).status).to.equal(200);
    expect((await readState(world)).keys.map((k) => k.key)).to.deep.equal(['order']);
  });
});
