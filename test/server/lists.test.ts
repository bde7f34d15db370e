import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { KeyEntry, Page, PluginSummary, Plugin, Profile, UnitState, Workspace, WorkspaceSummary } from '../../src/schemas.js';
import { afterEach, describe, it, call, createWorld, dropWorld, EDITOR, putKeys, readState, type TestWorld } from './helpers.js';

describe('reference server: lists and details', () => {
  let world: TestWorld;
  afterEach(async () => {
    if (world) await dropWorld(world);
  });

  it('lists summaries of plugins and workspaces, full profiles and keys, 50 per page by default', async () => {
    world = await createWorld('small');
    const plugins = await call(world, 'GET', '/units/south-news/plugins');
    expect(plugins.status).to.equal(200);
    expect(Page(z.strictObject(PluginSummary.shape)).safeParse(plugins.body).success).to.equal(true);
    expect(plugins.body).to.include({ total: 12, offset: 0, limit: 50 });
    const workspaces = await call(world, 'GET', '/units/south-news/workspaces');
    expect(Page(z.strictObject(WorkspaceSummary.shape)).safeParse(workspaces.body).success).to.equal(true);
    expect(workspaces.body.total).to.equal(25);
    const profiles = await call(world, 'GET', '/units/south-news/profiles');
    expect(Page(Profile).safeParse(profiles.body).success).to.equal(true);
    expect(profiles.body.total).to.equal(8);
    const keys = await call(world, 'GET', '/units/south-news/keys?limit=100');
    expect(Page(KeyEntry).safeParse(keys.body).success).to.equal(true);
    expect(keys.body.total).to.be.within(100, 140);
    expect(keys.body.items.some((k: KeyEntry) => k.secret && k.value.length > 20)).to.equal(true);
  });

  it('returns full plugins and workspaces by id, and 404 for unknown ids and units', async () => {
    world = await createWorld('small');
    const list = await call(world, 'GET', '/units/north-news/plugins');
    const id = list.body.items[0].id as string;
    const plugin = await call(world, 'GET', `/units/north-news/plugins/${id}`);
    expect(plugin.status).to.equal(200);
    expect(z.strictObject(Plugin.shape).safeParse(plugin.body).success).to.equal(true);
    const wsId = (await call(world, 'GET', '/units/north-news/workspaces?limit=1')).body.items[0].id as string;
    const workspace = await call(world, 'GET', `/units/north-news/workspaces/${wsId}`);
    expect(z.strictObject(Workspace.shape).safeParse(workspace.body).success).to.equal(true);
    expect(workspace.body.applications.length).to.be.greaterThan(0);
    expect((await call(world, 'GET', '/units/north-news/plugins/pl_missing')).status).to.equal(404);
    expect((await call(world, 'GET', '/units/north-news/workspaces/ws_missing')).status).to.equal(404);
    const unit = await call(world, 'GET', '/units/west-news/plugins');
    expect(unit.status).to.equal(404);
    expect(unit.body.error).to.equal('NOT_FOUND');
  });

  it('seeds two different units with unicode and HTML-looking names kept as text', async () => {
    world = await createWorld('small');
    const south = (await call(world, 'GET', '/units/south-news/workspaces')).body.items.map((w: { name: string }) => w.name);
    const north = (await call(world, 'GET', '/units/north-news/workspaces')).body.items.map((w: { name: string }) => w.name);
    expect(south).not.to.deep.equal(north);
    const all = south.join('\n');
    expect(all).to.contain('<img src=x onerror=alert(1)>');
    expect(all).to.match(/[\u3040-\u30ff\u4e00-\u9fff]/); // CJK
    expect(all).to.match(/[\u0600-\u06ff]/); // Arabic (RTL)
    expect(all).to.match(/\p{Extended_Pictographic}/u);
  });

  it('seeds a newsroom in both units: valid, consistent, with permissions, mappings, icons, secrets and hostile strings', async () => {
    world = await createWorld('small');
    const sizes: number[][] = [];
    for (const unit of ['south-news', 'north-news']) {
      const state = await readState(world, unit);
      expect(UnitState.safeParse(state).success, unit).to.equal(true);
      const { plugins, workspaces, profiles, keys } = state;
      sizes.push([plugins.length, workspaces.length, profiles.length, keys.length]);
      // every reference resolves, as the integrity rules demand of anything created through the API
      const bundles = new Set(plugins.map((p) => p.bundle));
      const workspaceIds = new Set(workspaces.map((w) => w.id));
      expect(bundles.size, 'unique bundles').to.equal(plugins.length);
      for (const p of plugins) {
        for (const provider of [...Object.values(p.requirementMappings.actions), ...Object.values(p.requirementMappings.portals)]) expect(bundles.has(provider), provider).to.equal(true);
        expect(p.permissions.length, p.bundle).to.be.greaterThan(0);
        expect(Object.keys(p.permissionMappings)).to.deep.equal(p.permissions.map((perm) => perm.id));
      }
      for (const w of workspaces) {
        expect(w.applications.length, w.id).to.be.within(1, 5);
        for (const app of w.applications) expect(bundles.has(app.plugin), app.plugin).to.equal(true);
      }
      for (const pr of profiles) for (const id of pr.workspaces) expect(workspaceIds.has(id), id).to.equal(true);
      expect(plugins.filter((p) => Object.keys(p.requirementMappings.actions).length + Object.keys(p.requirementMappings.portals).length > 0).length).to.be.greaterThan(plugins.length / 2);
      expect(plugins.filter((p) => p.icon?.startsWith('data:image/')).length).to.be.greaterThan(plugins.length / 2);
      expect(workspaces.some((w) => typeof (w.applications[0]?.config.view as { sort?: unknown } | undefined)?.sort === 'object'), 'nested configs').to.equal(true);
      expect(keys.filter((k) => k.secret).length).to.be.greaterThan(20);
      const text = JSON.stringify(state);
      for (const hostile of ['<script>', 'onerror=alert(1)']) expect(text, hostile).to.contain(hostile);
      expect(plugins.some((p) => p.name.includes('<img'))).to.equal(true);
      expect(profiles.some((p) => p.name.includes('<script>'))).to.equal(true);
      // something deletable: a workspace no profile lists
      expect(workspaces.some((w) => !profiles.some((pr) => pr.workspaces.includes(w.id)))).to.equal(true);
    }
    expect(sizes).to.deep.equal([[12, 25, 8, 120], [10, 22, 8, 132]]);
  });

  it('has requirement mappings between plugins, including a cycle', async () => {
    world = await createWorld('small');
    const ids: string[] = (await call(world, 'GET', '/units/south-news/plugins')).body.items.map((p: { id: string }) => p.id);
    const plugins: Plugin[] = await Promise.all(ids.map(async (id) => (await call<Plugin>(world, 'GET', `/units/south-news/plugins/${id}`)).body));
    const provides = new Map<string, Set<string>>();
    for (const p of plugins) provides.set(p.bundle, new Set([...Object.values(p.requirementMappings.actions), ...Object.values(p.requirementMappings.portals)]));
    const cycle = [...provides].some(([bundle, deps]) => [...deps].some((d) => d !== bundle && provides.get(d)?.has(bundle)));
    expect(cycle).to.equal(true);
    expect(plugins.filter((p) => p.icon?.startsWith('data:image/')).length).to.be.greaterThan(5);
  });

  it('pages 0, 1, 100 and 101 items', async () => {
    world = await createWorld('empty');
    const empty = await call(world, 'GET', '/units/south-news/keys');
    expect(empty.body).to.deep.equal({ items: [], total: 0, offset: 0, limit: 50 });
    await putKeys(world, 1);
    const one = await call(world, 'GET', '/units/south-news/keys?limit=100');
    expect(one.body.total).to.equal(1);
    expect(one.body.items).to.deep.equal([{ key: 'k0001', value: 'v-k0001', secret: false }]);
    await putKeys(world, 100);
    const hundred = await call(world, 'GET', '/units/south-news/keys?limit=100');
    expect(hundred.body.total).to.equal(100);
    expect(hundred.body.items.length).to.equal(100);
    expect((await call(world, 'GET', '/units/south-news/keys?offset=100&limit=100')).body.items).to.deep.equal([]);
    await putKeys(world, 101);
    const first = await call(world, 'GET', '/units/south-news/keys?limit=100');
    const second = await call(world, 'GET', '/units/south-news/keys?offset=100&limit=100');
    expect(first.body.total).to.equal(101);
    expect(second.body).to.include({ total: 101, offset: 100, limit: 100 });
    expect(second.body.items.map((k: KeyEntry) => k.key)).to.deep.equal(['k0101']);
    // creation order, and an upsert keeps its place
    expect(first.body.items[0].key).to.equal('k0001');
    await call(world, 'PUT', '/units/south-news/keys/k0001', { body: { value: 'changed', secret: true } });
    const again = await call(world, 'GET', '/units/south-news/keys?limit=1');
    expect(again.body.items[0]).to.deep.equal({ key: 'k0001', value: 'changed', secret: true });
  });

  it('pages through 5,000 keys of the large seed', async () => {
    world = await createWorld('large');
    const pages = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(world, 'GET', `/units/south-news/keys?offset=${i * 100}&limit=100`)),
    );
    const keys = pages.flatMap((p) => p.body.items.map((k: KeyEntry) => k.key));
    expect(pages.every((p) => p.body.total === 5000)).to.equal(true);
    expect(keys.length).to.equal(5000);
    expect(new Set(keys).size).to.equal(5000);
    const counts = await Promise.all(
      ['plugins', 'workspaces', 'profiles'].map(async (c) => (await call(world, 'GET', `/units/south-news/${c}?limit=1`)).body.total),
    );
    expect(counts).to.deep.equal([300, 2000, 500]);
  });

  it('answers 400 for limits outside 1..100 and bad offsets', async () => {
    world = await createWorld('small');
    for (const query of ['limit=0', 'limit=101', 'limit=-1', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const r = await call(world, 'GET', `/units/south-news/profiles?${query}`);
      expect(r.status, query).to.equal(400);
      expect(r.body.error).to.equal('INVALID');
      expect(r.body.issues.length).to.be.greaterThan(0);
    }
    expect((await call(world, 'GET', '/units/south-news/profiles?limit=1')).status).to.equal(200);
    expect((await call(world, 'GET', '/units/south-news/profiles?limit=100')).status).to.equal(200);
    expect((await call(world, 'GET', '/units/south-news/profiles?offset=1000')).body.items).to.deep.equal([]);
  });

  it('lets editor read lists but not plugin details or keys (403)', async () => {
    world = await createWorld('small');
    for (const c of ['plugins', 'workspaces', 'profiles']) {
      expect((await call(world, 'GET', `/units/south-news/${c}`, { token: EDITOR })).status).to.equal(200);
    }
    const keys = await call(world, 'GET', '/units/south-news/keys', { token: EDITOR });
    expect(keys.status).to.equal(403);
    expect(keys.body.error).to.equal('NOT_ADMIN');
    expect((await call(world, 'GET', '/units/south-news/plugins/pl_s01', { token: EDITOR })).status).to.equal(403);
    expect((await call(world, 'GET', '/units/south-news/workspaces/ws_s01', { token: EDITOR })).status).to.equal(200);
  });
});
