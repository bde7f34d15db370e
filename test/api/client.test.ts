import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, UNIT, type World } from '../world.js';
import { pluginInput, profileInput, workspaceInput } from './builders.js';
import { createRestClient } from '../../src/api/index.js';
import type { UnitState } from '../../src/schemas.js';

const stateOf = async (world: World) => (await world.dev('GET', `state?unit=${UNIT}`)) as UnitState;

describe('REST client against the reference Dashboard', () => {
  it('reads the session of a bearer token', async () => {
    const world = await createWorld('small');
    const session = await world.client().getSession();
    expect(session.role).to.equal('admin');
    expect(session.unit.id).to.equal(UNIT);
    expect(session.units.map((u) => u.id)).to.include.members(['south-news', 'north-news']);
    expect((await world.client({ token: () => 'editor-token' }).getSession()).role).to.equal('user');
  });

  it('uses the session cookie when there is no token', async () => {
    const world = await createWorld('small');
    const login = await fetch(`${world.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'admin', unit: 'north-news' }),
    });
    expect(login.ok).to.equal(true);
    try {
      const session = await createRestClient({ baseUrl: world.baseUrl }).getSession();
      expect([session.role, session.unit.id]).to.deep.equal(['admin', 'north-news']);
    } finally {
      await fetch(`${world.baseUrl}/logout`, { method: 'POST' });
    }
  });

  it('asks the token provider before every attempt, so a retry can use a fresh token', async () => {
    const world = await createWorld('empty');
    await world.faults({ kind: '503', when: 'before', nth: 1, retryAfter: 0 });
    let calls = 0;
    const client = world.client({ token: async () => (calls++, 'admin-token'), headers: { 'x-embedder': 'test' } });
    await client.putKey(UNIT, { key: 'k', value: 'v', secret: false });
    expect(calls).to.equal(2);
  });

  it('passes what the token provider throws through unchanged, sending nothing', async () => {
    const world = await createWorld('small');
    const failure = new TypeError('token refresh failed');
    const client = world.client({ token: () => Promise.reject(failure) });
    let caught: unknown;
    await client.getSession().catch((error: unknown) => (caught = error));
    expect(caught).to.equal(failure);
    expect(await world.log()).to.deep.equal([]);
  });

  it('creates, reads, remaps and deletes plugins, workspaces and profiles', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const wire = await client.createPlugin(UNIT, pluginInput('com.example.wire', { icon: 'data:image/png;base64,AAAA' }));
    const editor = await client.createPlugin(
      UNIT,
      pluginInput('com.example.editor', { requirementMappings: { actions: { 'open-story': 'com.example.wire' }, portals: {} } }),
    );
    expect(await client.getPlugin(UNIT, wire.id)).to.deep.equal(wire);
    const remapped = await client.setPluginMappings(UNIT, editor.id, { actions: {}, portals: { side: 'com.example.wire' } });
    expect(remapped.requirementMappings).to.deep.equal({ actions: {}, portals: { side: 'com.example.wire' } });

    const desk = await client.createWorkspace(UNIT, workspaceInput('Desk <script>alert(1)</script> ✓', ['com.example.wire', 'com.example.editor']));
    expect(desk.applications.map((a) => a.plugin)).to.deep.equal(['com.example.wire', 'com.example.editor']);
    expect(await client.getWorkspace(UNIT, desk.id)).to.deep.equal(desk);
    const profile = await client.createProfile(UNIT, profileInput('Night desk', [desk.id]));
    expect(await client.listProfiles(UNIT)).to.deep.equal([profile]);
    expect((await client.listWorkspaces(UNIT)).map((w) => w.id)).to.deep.equal([desk.id]);

    await client.deleteProfile(UNIT, profile.id);
    await client.deleteWorkspace(UNIT, desk.id);
    await client.deletePlugin(UNIT, editor.id);
    await client.deletePlugin(UNIT, wire.id);
    const state = await stateOf(world);
    expect([state.plugins, state.workspaces, state.profiles]).to.deep.equal([[], [], []]);
  });

  it('URL-encodes key names, so any name round-trips', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const names = ['a/b', 'sp ace', 'q?x=1&y=2#frag', 'ünïcødé ✓ 🔑', '%41', '...', 'a\\b', '<script>'];
    for (const [i, key] of names.entries()) await client.putKey(UNIT, { key, value: `value ${i}`, secret: i % 2 === 0 });
    const listed = await client.listKeys(UNIT);
    expect(listed.map((k) => k.key)).to.deep.equal(names);
    expect(listed[1]).to.deep.equal({ key: 'sp ace', value: 'value 1', secret: false });
    await client.putKey(UNIT, { key: 'a/b', value: 'changed', secret: true });
    expect((await client.listKeys(UNIT))[0]).to.deep.equal({ key: 'a/b', value: 'changed', secret: true });
    for (const key of names) await client.deleteKey(UNIT, key);
    expect((await stateOf(world)).keys).to.deep.equal([]);
  });

  it('accepts a custom route table and a base URL with a trailing slash', async () => {
    const world = await createWorld('small');
    const client = createRestClient({
      baseUrl: `${world.baseUrl}/`,
      token: () => 'admin-token',
      routes: { session: () => '/session', keys: (unit) => `/units/${unit}/keys` },
    });
    expect((await client.getSession()).unit.id).to.equal(UNIT);
    expect((await client.listKeys(UNIT)).length).to.equal((await stateOf(world)).keys.length);
  });
});
